import { useCallback, useState } from 'react'
import { clampShare, storedShare } from '@/components/common/splitSize'

/** A split's first-pane share in percent, remembered in localStorage under `key`. */
export function useStoredShare(key: string, fallback: number): [number, (share: number) => void] {
  const [share, setShare] = useState(() => storedShare(key, fallback))
  const update = useCallback(
    (next: number) => {
      const clamped = clampShare(next)
      setShare(clamped)
      try {
        localStorage.setItem(key, String(clamped))
      } catch {
        // storage full or blocked: the size still applies for this visit
      }
    },
    [key],
  )
  return [share, update]
}
