import { memo, useDeferredValue, useMemo, useRef, useState, type ReactNode } from 'react'

/**
 * A small, safe Markdown renderer for AI output: fenced code blocks (with a copy button),
 * headings, lists, paragraphs, `code`, **bold**, *italic* and [links](https://…). It builds React
 * elements only — never HTML strings — so model output cannot inject markup or run script; links
 * other than http(s) render as text.
 *
 * The text is parsed in chunks (see {@link splitMarkdown}), each memoised: while a long reply
 * streams in, only its last chunk is parsed again, and a deferred value lets React skip
 * intermediate texts when it falls behind.
 */
export const Markdown = memo(function Markdown({ text }: { text: string }) {
  const shown = useDeferredValue(text)
  const chunks = useChunks(shown)
  return (
    <div className="markdown">
      {chunks.map((chunk, index) => (
        <MarkdownChunk key={index} text={chunk} />
      ))}
    </div>
  )
})

const MarkdownChunk = memo(function MarkdownChunk({ text }: { text: string }) {
  return <>{blocks(text)}</>
})

/** The chunks of `text`, split again only from the last chunk on when the text grew. */
function useChunks(text: string): string[] {
  const previous = useRef<MarkdownChunks | undefined>(undefined)
  return useMemo(() => {
    const next = splitMarkdown(text, previous.current)
    previous.current = next
    return next.chunks
  }, [text])
}

export interface MarkdownChunks {
  text: string
  chunks: string[]
  /** Where the last chunk starts in `text`. */
  lastStart: number
}

const FENCE = /^\s*```/

/**
 * Splits Markdown at blank lines outside code fences. Every block of {@link blocks} ends at such
 * a line, so rendering the chunks one by one gives the same elements as rendering the whole text.
 * Given the split of a text that `text` extends (a reply streaming in), it keeps all chunks but
 * the last, which may still grow, and scans only from there.
 */
export function splitMarkdown(text: string, previous?: MarkdownChunks): MarkdownChunks {
  let chunks: string[] = []
  let from = 0
  if (previous && previous.chunks.length > 0 && text.startsWith(previous.text)) {
    chunks = previous.chunks.slice(0, -1)
    from = previous.lastStart
  }
  let lastStart = from
  let chunkStart = -1
  let fenced = false
  let at = from
  while (at < text.length) {
    const newline = text.indexOf('\n', at)
    const end = newline < 0 ? text.length : newline
    const line = text.slice(at, end)
    if (FENCE.test(line)) fenced = !fenced
    if (!fenced && line.trim() === '') {
      if (chunkStart >= 0) {
        chunks.push(text.slice(chunkStart, at - 1))
        lastStart = chunkStart
        chunkStart = -1
      }
    } else if (chunkStart < 0) {
      chunkStart = at
    }
    at = end + 1
  }
  if (chunkStart >= 0) {
    chunks.push(text.slice(chunkStart))
    lastStart = chunkStart
  }
  return { text, chunks, lastStart }
}

export function blocks(text: string): ReactNode[] {
  const out: ReactNode[] = []
  const all = text.split('\n')
  const lines = { length: all.length, at: (n: number) => all[n] ?? '' }
  let i = 0
  let key = 0
  while (i < lines.length) {
    const line = lines.at(i)
    const fence = /^\s*```\s*([\w+#.-]*)/.exec(line)
    if (fence) {
      const body: string[] = []
      i++
      while (i < lines.length && !/^\s*```/.test(lines.at(i))) body.push(lines.at(i++))
      i++ // the closing fence (absent while still streaming)
      out.push(<CodeBlock key={key++} language={fence[1]} code={body.join('\n')} />)
      continue
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line)
    if (heading) {
      const level = Math.min((heading[1] ?? '#').length + 2, 6)
      const Tag = `h${level}` as 'h3'
      out.push(<Tag key={key++}>{inline(heading[2] ?? '')}</Tag>)
      i++
      continue
    }
    if (/^\s*([-*+]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line)
      const items: string[] = []
      while (i < lines.length && /^\s*([-*+]|\d+\.)\s+/.test(lines.at(i))) {
        items.push(lines.at(i).replace(/^\s*([-*+]|\d+\.)\s+/, ''))
        i++
      }
      const children = items.map((item, n) => <li key={n}>{inline(item)}</li>)
      out.push(ordered ? <ol key={key++}>{children}</ol> : <ul key={key++}>{children}</ul>)
      continue
    }
    if (line.trim() === '') {
      i++
      continue
    }
    const para: string[] = []
    while (
      i < lines.length &&
      lines.at(i).trim() !== '' &&
      !/^\s*```/.test(lines.at(i)) &&
      !/^#{1,6}\s/.test(lines.at(i)) &&
      !/^\s*([-*+]|\d+\.)\s+/.test(lines.at(i))
    ) {
      para.push(lines.at(i++))
    }
    out.push(<p key={key++}>{inline(para.join('\n'))}</p>)
  }
  return out
}

const INLINE = /(`[^`]+`)|(\*\*[^*]+\*\*)|(\*[^*\s][^*]*\*)|(\[[^\]]+\]\([^)\s]+\))/g

export function inline(text: string): ReactNode[] {
  const out: ReactNode[] = []
  let last = 0
  let key = 0
  for (const match of text.matchAll(INLINE)) {
    const index = match.index
    if (index > last) out.push(text.slice(last, index))
    const token = match[0]
    if (match[1]) out.push(<code key={key++}>{token.slice(1, -1)}</code>)
    else if (match[2]) out.push(<strong key={key++}>{token.slice(2, -2)}</strong>)
    else if (match[3]) out.push(<em key={key++}>{token.slice(1, -1)}</em>)
    else {
      const [, label, href] = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(token) ?? []
      if (href && /^https?:\/\//i.test(href)) {
        out.push(
          <a key={key++} href={href} target="_blank" rel="noopener noreferrer">
            {label}
          </a>,
        )
      } else out.push(label ?? token)
    }
    last = index + token.length
  }
  if (last < text.length) out.push(text.slice(last))
  return out
}

export function CodeBlock({ code, language }: { code: string; language?: string }) {
  const [copied, setCopied] = useState(false)
  async function copy() {
    try {
      await navigator.clipboard.writeText(code)
      setCopied(true)
      setTimeout(() => setCopied(false), 1500)
    } catch {
      setCopied(false)
    }
  }
  return (
    <div className="code-block">
      <div className="code-block__bar">
        <span>{language || 'code'}</span>
        <button type="button" className="code-block__copy" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <pre>
        <code>{code}</code>
      </pre>
    </div>
  )
}
