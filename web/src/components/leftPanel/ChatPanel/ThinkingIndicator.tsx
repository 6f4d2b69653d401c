/** Shown while a reply has no text yet: three pulsing dots and the status line. */
export function ThinkingIndicator({ label }: { label: string }) {
  return (
    <div className="thinking" role="status">
      <span className="thinking__dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <span>{label}</span>
    </div>
  )
}
