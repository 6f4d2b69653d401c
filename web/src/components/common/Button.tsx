import type { ComponentPropsWithRef } from 'react'
import { Spinner } from '@/components/common/Spinner'

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost'
  size?: 'small' | 'medium'
  /** Shows a spinner and disables the button while an action runs. */
  loading?: boolean
}

export function Button({
  variant = 'secondary',
  size = 'medium',
  loading = false,
  disabled,
  className,
  children,
  type = 'button',
  ...rest
}: ButtonProps) {
  const classes = ['button', `button--${variant}`, `button--${size}`, className]
  return (
    <button
      type={type}
      className={classes.filter(Boolean).join(' ')}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading && <Spinner size="small" label="Working" />}
      {children}
    </button>
  )
}
