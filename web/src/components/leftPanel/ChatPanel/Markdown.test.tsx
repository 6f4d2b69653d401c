import { render } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { Markdown, blocks, splitMarkdown } from '@/components/leftPanel/ChatPanel/Markdown'

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

const SAMPLE = [
  '# Plan',
  '',
  'First **bold** and `code`.',
  'Still the same paragraph.',
  '',
  '- one',
  '- two',
  '',
  '```ts',
  'const a = 1',
  '',
  '',
  'const b = 2',
  '```',
  '  ',
  '1. ordered',
  'after the list',
  '',
  '',
  'The end with [a link](https://example.com).',
].join('\n')

describe('splitMarkdown', () => {
  it('splits at blank lines outside code fences only', () => {
    expect(splitMarkdown(SAMPLE).chunks).toEqual([
      '# Plan',
      'First **bold** and `code`.\nStill the same paragraph.',
      '- one\n- two',
      '```ts\nconst a = 1\n\n\nconst b = 2\n```',
      '1. ordered\nafter the list',
      'The end with [a link](https://example.com).',
    ])
  })

  it('gives the same chunks when the text streams in piece by piece', () => {
    let split = splitMarkdown('')
    for (let end = 1; end <= SAMPLE.length; end += 3) {
      const text = SAMPLE.slice(0, end)
      split = splitMarkdown(text, split)
      expect(split.chunks).toEqual(splitMarkdown(text).chunks)
    }
  })

  it('renders the chunks as the whole text would render', () => {
    const { container: chunked } = render(<Markdown text={SAMPLE} />)
    const { container: whole } = render(<div className="markdown">{blocks(SAMPLE)}</div>)
    expect(chunked.innerHTML).toBe(whole.innerHTML)
  })

  it('parses a long streamed reply a chunk at a time', () => {
    const paragraph = 'Some *text* with `code` in it, repeated. '.repeat(10)
    let text = ''
    let split = splitMarkdown(text)
    let scanned = 0
    while (text.length < 200_000) {
      text += `${paragraph}\n\n`
      const before = split.lastStart
      split = splitMarkdown(text, split)
      scanned += text.length - before
    }
    expect(split.chunks.length).toBeGreaterThan(400)
    // each update scans from the last chunk on, not the whole text again
    expect(scanned).toBeLessThan(text.length * 3)
  })
})
