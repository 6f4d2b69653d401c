import { fireEvent, render, screen } from '@testing-library/react'
import { useRef } from 'react'
import { describe, expect, it } from 'vitest'
import { SplitDivider } from '@/components/workbench/SplitDivider'
import { useStoredShare } from '@/components/workbench/useStoredShare'

function Split() {
  const [share, setShare] = useStoredShare('test.split', 70)
  const box = useRef<HTMLDivElement | null>(null)
  return (
    <div ref={box}>
      <SplitDivider
        orientation="horizontal"
        share={share}
        onChange={setShare}
        container={box}
        label="Resize"
      />
    </div>
  )
}

describe('SplitDivider', () => {
  it('is a separator that arrow keys resize, remembered in localStorage', () => {
    const { unmount } = render(<Split />)
    const divider = screen.getByRole('separator', { name: 'Resize' })
    expect(divider).toHaveAttribute('aria-valuenow', '70')
    expect(divider).toHaveAttribute('aria-orientation', 'horizontal')

    fireEvent.keyDown(divider, { key: 'ArrowUp' })
    fireEvent.keyDown(divider, { key: 'ArrowUp' })
    expect(divider).toHaveAttribute('aria-valuenow', '60')
    expect(localStorage.getItem('test.split')).toBe('60')

    unmount()
    render(<Split />)
    expect(screen.getByRole('separator')).toHaveAttribute('aria-valuenow', '60')
  })
})
