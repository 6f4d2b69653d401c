/** The share of a split given to its first pane, kept between 15% and 90% and remembered. */
export const MIN_SHARE = 15
export const MAX_SHARE = 90

export function clampShare(share: number): number {
  return Math.min(MAX_SHARE, Math.max(MIN_SHARE, Math.round(share)))
}

/** The share a pointer at `offset` gives inside a pane of `size` (both in pixels). */
export function shareAt(offset: number, size: number): number {
  return size <= 0 ? MIN_SHARE : clampShare((offset / size) * 100)
}

export function storedShare(key: string, fallback: number): number {
  const stored = Number(localStorage.getItem(key))
  return Number.isFinite(stored) && stored > 0 ? clampShare(stored) : fallback
}
