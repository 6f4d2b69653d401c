import type { ReactNode } from 'react'

export interface AlertProps {
  kind?: 'error' | 'warning' | 'info'
  title?: string
  children?: ReactNode
  /** Buttons shown under the message. */
  actions?: ReactNode
}

/** A message that screen readers announce; errors use role="alert". */
export function Alert({ kind = 'error', title, children, actions }: AlertProps) {
  return (
    <div className={`alert alert--${kind}`} role={kind === 'info' ? 'status' : 'alert'}>
      {title && <p className="alert__title">{title}</p>}
      {children && <div className="alert__body">{children}</div>}
      {actions && <div className="alert__actions">{actions}</div>}
    </div>
  )
}
