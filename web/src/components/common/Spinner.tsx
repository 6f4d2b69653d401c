export interface SpinnerProps {
  /** Read out by screen readers; hidden visually. */
  label?: string
  size?: 'small' | 'medium'
}

export function Spinner({ label = 'Loading', size = 'medium' }: SpinnerProps) {
  return (
    <span className={`spinner spinner--${size}`} role="status">
      <span className="visually-hidden">{label}</span>
    </span>
  )
}
