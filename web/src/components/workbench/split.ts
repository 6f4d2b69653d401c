import { MAX_SHARE, MIN_SHARE, clampShare, shareAt } from '@/components/common/splitSize'

/** How far one arrow key press moves a divider, in percent. */
export const KEY_STEP = 5

export type SplitOrientation = 'horizontal' | 'vertical'

/**
 * The share of the first pane after a key press on a divider, or null for other keys.
 * A horizontal divider (panes stacked) moves with Up/Down, a vertical one (panes side by side)
 * with Left/Right; Home and End go to the limits.
 */
export function shareAfterKey(
  share: number,
  key: string,
  orientation: SplitOrientation,
  min = MIN_SHARE,
  max = MAX_SHARE,
): number | null {
  const [less, more] =
    orientation === 'horizontal' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight']
  const limit = (value: number) => Math.min(max, Math.max(min, clampShare(value)))
  if (key === less) return limit(share - KEY_STEP)
  if (key === more) return limit(share + KEY_STEP)
  if (key === 'Home') return limit(min)
  if (key === 'End') return limit(max)
  return null
}

/** The share a pointer gives, measured along the divider's axis inside the container's box. */
export function shareAtPointer(
  box: { left: number; top: number; width: number; height: number },
  point: { x: number; y: number },
  orientation: SplitOrientation,
  min = MIN_SHARE,
  max = MAX_SHARE,
): number {
  const share =
    orientation === 'horizontal'
      ? shareAt(point.y - box.top, box.height)
      : shareAt(point.x - box.left, box.width)
  return Math.min(max, Math.max(min, share))
}
