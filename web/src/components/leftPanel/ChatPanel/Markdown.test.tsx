import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Markdown } from '@/components/leftPanel/ChatPanel/Markdown'

describe('Markdown', () => {
  it('never turns model output into HTML', () => {
    const { container } = render(
      <Markdown text={'<img src=x onerror="alert(1)"> <script>alert(2)</script>\n\n**ok**'} />,
    )
    expect(container.querySelector('img, script')).toBeNull()
    expect(container).toHaveTextContent('<script>alert(2)</script>')
    expect(container.querySelector('strong')).toHaveTextContent('ok')
  })

  it('links only http(s), opening safely', () => {
    const { container } = render(
      <Markdown text={'[docs](https://example.com) and [bad](javascript:alert(1))'} />,
    )
    const links = container.querySelectorAll('a')
    expect(links).toHaveLength(1)
    expect(links[0]).toHaveAttribute('rel', 'noopener noreferrer')
    expect(container).toHaveTextContent('bad')
  })

  it('renders fenced code with a copy button, even before the fence closes', () => {
    const { getByRole, getByText } = render(<Markdown text={'Try:\n```bash\nnpm install'} />)
    expect(getByText('npm install').tagName).toBe('CODE')
    expect(getByRole('button', { name: 'Copy' })).toBeInTheDocument()
  })
})
