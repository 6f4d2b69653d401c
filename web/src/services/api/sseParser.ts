/** One server-sent event: its `id` (if any), `event` name (if any) and the joined `data` lines. */
export interface SseEvent {
  id: string | null
  event: string | null
  data: string
}

/**
 * An incremental `text/event-stream` parser (WHATWG event-stream rules): feed it text as it
 * arrives, in pieces of any size; it returns each event once its blank line has arrived. Lines may
 * end in `\n`, `\r\n` or `\r`, and any of these may be split across two pieces.
 */
export class SseParser {
  #buffer = ''
  #data: string[] = []
  #id: string | null = null
  #event: string | null = null
  #hasField = false
  /** The id of the last event seen, carried over to events without one (for `Last-Event-ID`). */
  lastEventId: string | null = null

  push(text: string): SseEvent[] {
    this.#buffer += text
    const events: SseEvent[] = []
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.#buffer)
      if (!match) break
      // a lone \r at the very end may be the first half of \r\n
      if (match[0] === '\r' && match.index === this.#buffer.length - 1) break
      const line = this.#buffer.slice(0, match.index)
      this.#buffer = this.#buffer.slice(match.index + match[0].length)
      const event = this.#line(line)
      if (event) events.push(event)
    }
    return events
  }

  /** The stream ended: an event without its closing blank line is dropped, as browsers do. */
  end(): SseEvent[] {
    this.#buffer = ''
    this.#reset()
    return []
  }

  #line(line: string): SseEvent | null {
    if (line === '') {
      if (!this.#hasField) return null
      if (this.#id !== null) this.lastEventId = this.#id
      const event: SseEvent = {
        id: this.#id ?? this.lastEventId,
        event: this.#event,
        data: this.#data.join('\n'),
      }
      this.#reset()
      return event.data === '' && event.event === null ? null : event
    }
    if (line.startsWith(':')) return null
    const colon = line.indexOf(':')
    const field = colon < 0 ? line : line.slice(0, colon)
    let value = colon < 0 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    this.#hasField = true
    if (field === 'data') this.#data.push(value)
    else if (field === 'id' && !value.includes('\0')) this.#id = value
    else if (field === 'event') this.#event = value
    return null
  }

  #reset() {
    this.#data = []
    this.#id = null
    this.#event = null
    this.#hasField = false
  }
}
