import type { RefObject } from 'react'
import { MAX_SHARE, MIN_SHARE } from '@/components/common/splitSize'
import { shareAfterKey, shareAtPointer, type SplitOrientation } from '@/components/workbench/split'

export interface SplitDividerProps {
  /** `horizontal`: the panes are stacked; `vertical`: they are side by side. */
  orientation: SplitOrientation
  /** The first pane's share in percent. */
  share: number
  onChange: (share: number) => void
  /** The element both panes fill; pointer positions are measured inside it. */
  container: RefObject<HTMLElement | null>
  label: string
  min?: number
  max?: number
}

/** A draggable, keyboard-accessible divider between two panes (WAI-ARIA window splitter). */
export function SplitDivider({
  orientation,
  share,
  onChange,
  container,
  label,
  min = MIN_SHARE,
  max = MAX_SHARE,
}: SplitDividerProps) {
  return (
    <div
      className={`split-divider split-divider--${orientation}`}
      role="separator"
      aria-orientation={orientation}
      aria-label={label}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={share}
      tabIndex={0}
      onKeyDown={(event) => {
        const next = shareAfterKey(share, event.key, orientation, min, max)
        if (next === null) return
        event.preventDefault()
        onChange(next)
      }}
      onPointerDown={(event) => {
        const box = container.current?.getBoundingClientRect()
        if (!box || event.button !== 0) return
        event.preventDefault()
        const target = event.currentTarget
        target.setPointerCapture?.(event.pointerId)
        target.classList.add('split-divider--dragging')
        const move = (moved: PointerEvent) =>
          onChange(
            shareAtPointer(box, { x: moved.clientX, y: moved.clientY }, orientation, min, max),
          )
        const stop = () => {
          target.classList.remove('split-divider--dragging')
          window.removeEventListener('pointermove', move)
          window.removeEventListener('pointerup', stop)
          window.removeEventListener('pointercancel', stop)
        }
        window.addEventListener('pointermove', move)
        window.addEventListener('pointerup', stop)
        window.addEventListener('pointercancel', stop)
      }}
    />
  )
}
