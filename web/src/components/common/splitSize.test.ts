import { describe, expect, it } from 'vitest'
import { clampShare, shareAt, storedShare } from '@/components/common/splitSize'

describe('split sizes', () => {
  it('turns a pointer position into a share within the limits', () => {
    expect(shareAt(350, 500)).toBe(70)
    expect(shareAt(10, 500)).toBe(15)
    expect(shareAt(499, 500)).toBe(90)
    expect(shareAt(100, 0)).toBe(15)
    expect(clampShare(42.4)).toBe(42)
  })

  it('reads a remembered share, or falls back', () => {
    expect(storedShare('split.test', 70)).toBe(70)
    localStorage.setItem('split.test', '55')
    expect(storedShare('split.test', 70)).toBe(55)
    localStorage.setItem('split.test', 'nonsense')
    expect(storedShare('split.test', 70)).toBe(70)
  })
})
