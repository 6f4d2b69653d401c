import { describe, expect, it } from 'vitest'
import { KEY_STEP, shareAfterKey, shareAtPointer } from '@/components/workbench/split'

describe('shareAfterKey', () => {
  it('moves a horizontal divider with Up/Down and a vertical one with Left/Right', () => {
    expect(shareAfterKey(70, 'ArrowUp', 'horizontal')).toBe(70 - KEY_STEP)
    expect(shareAfterKey(70, 'ArrowDown', 'horizontal')).toBe(70 + KEY_STEP)
    expect(shareAfterKey(40, 'ArrowLeft', 'vertical')).toBe(35)
    expect(shareAfterKey(40, 'ArrowRight', 'vertical')).toBe(45)
  })

  it('ignores the other axis and other keys', () => {
    expect(shareAfterKey(70, 'ArrowLeft', 'horizontal')).toBeNull()
    expect(shareAfterKey(40, 'ArrowUp', 'vertical')).toBeNull()
    expect(shareAfterKey(40, 'a', 'vertical')).toBeNull()
  })

  it('stays within the limits; Home and End go to them', () => {
    expect(shareAfterKey(88, 'ArrowDown', 'horizontal')).toBe(90)
    expect(shareAfterKey(17, 'ArrowUp', 'horizontal')).toBe(15)
    expect(shareAfterKey(50, 'Home', 'vertical', 20, 70)).toBe(20)
    expect(shareAfterKey(50, 'End', 'vertical', 20, 70)).toBe(70)
    expect(shareAfterKey(68, 'ArrowRight', 'vertical', 20, 70)).toBe(70)
  })
})

describe('shareAtPointer', () => {
  const box = { left: 100, top: 50, width: 1000, height: 400 }

  it('measures along the axis inside the box', () => {
    expect(shareAtPointer(box, { x: 0, y: 250 }, 'horizontal')).toBe(50)
    expect(shareAtPointer(box, { x: 400, y: 0 }, 'vertical')).toBe(30)
  })

  it('clamps to the limits', () => {
    expect(shareAtPointer(box, { x: 1100, y: 0 }, 'vertical', 20, 70)).toBe(70)
    expect(shareAtPointer(box, { x: 0, y: 0 }, 'horizontal')).toBe(15)
    expect(shareAtPointer({ ...box, height: 0 }, { x: 0, y: 10 }, 'horizontal')).toBe(15)
  })
})
