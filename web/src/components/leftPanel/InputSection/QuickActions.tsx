export const QUICK_ACTIONS = [
  'Create a counter app',
  'Add a reset button',
  'Explain this project',
  'Write tests for the open file',
] as const

/** One-click prompts that fill the message box. */
export function QuickActions({
  onPick,
  disabled,
}: {
  onPick: (text: string) => void
  disabled: boolean
}) {
  return (
    <div className="quick-actions" role="group" aria-label="Quick actions">
      {QUICK_ACTIONS.map((text) => (
        <button
          key={text}
          type="button"
          className="quick-actions__item"
          disabled={disabled}
          onClick={() => onPick(text)}
        >
          {text}
        </button>
      ))}
    </div>
  )
}
