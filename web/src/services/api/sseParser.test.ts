import { describe, expect, it } from 'vitest'
import { SseParser, type SseEvent } from '@/services/api/sseParser'

const ev = (id: string | null, data: string, event: string | null = null): SseEvent => ({
  id,
  event,
  data,
})

/** Each case: the text as it arrives, in pieces, and the events it must give. */
const cases: { name: string; chunks: string[]; expected: SseEvent[] }[] = [
  {
    name: 'one whole event',
    chunks: ['id: 1\ndata: {"type":"chunk"}\n\n'],
    expected: [ev('1', '{"type":"chunk"}')],
  },
  {
    name: 'two events in one piece',
    chunks: ['id: 1\ndata: a\n\nid: 2\ndata: b\n\n'],
    expected: [ev('1', 'a'), ev('2', 'b')],
  },
  {
    name: 'a line split inside the field name',
    chunks: ['id: 7\nda', 'ta: hello\n', '\n'],
    expected: [ev('7', 'hello')],
  },
  {
    name: 'a line split inside the JSON',
    chunks: ['data: {"content":"he', 'llo"}\n\n'],
    expected: [ev(null, '{"content":"hello"}')],
  },
  {
    name: 'the blank line arrives alone',
    chunks: ['data: x\n', '\n'],
    expected: [ev(null, 'x')],
  },
  {
    name: 'CRLF line ends, split between \\r and \\n',
    chunks: ['id: 3\r\ndata: y\r', '\n\r', '\n'],
    expected: [ev('3', 'y')],
  },
  {
    // a \r at the end of a piece may be half of \r\n, so it waits for the next piece
    name: 'CR-only line ends',
    chunks: ['data: z\r\r', 'data: w\r\r'],
    expected: [ev(null, 'z')],
  },
  {
    name: 'several data lines join with newlines',
    chunks: ['data: one\ndata: two\n\n'],
    expected: [ev(null, 'one\ntwo')],
  },
  {
    name: 'comments (keep-alives) are ignored',
    chunks: [': ping\n\n', 'data: after\n\n'],
    expected: [ev(null, 'after')],
  },
  {
    name: 'no space after the colon, and an event name',
    chunks: ['event:update\ndata:raw\n\n'],
    expected: [ev(null, 'raw', 'update')],
  },
  {
    name: 'the last id carries over to an event without one',
    chunks: ['id: 9\ndata: a\n\ndata: b\n\n'],
    expected: [ev('9', 'a'), ev('9', 'b')],
  },
  {
    name: 'an event without its blank line is not given yet',
    chunks: ['id: 1\ndata: partial\n'],
    expected: [],
  },
  {
    name: 'one character at a time',
    chunks: [...'id: 12\ndata: {"a":1}\n\n'],
    expected: [ev('12', '{"a":1}')],
  },
]

describe('SseParser', () => {
  it.each(cases)('$name', ({ chunks, expected }) => {
    const parser = new SseParser()
    const events = chunks.flatMap((chunk) => parser.push(chunk))
    expect(events).toEqual(expected)
  })

  it('remembers the last event id for a resume', () => {
    const parser = new SseParser()
    parser.push('id: 4\ndata: a\n\nid: 5\ndata: b\n\n')
    expect(parser.lastEventId).toBe('5')
  })
})
