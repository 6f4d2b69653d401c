import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { MessageList, type MessageListProps } from '@/components/leftPanel/ChatPanel/MessageList'
import { resizeObserved, setListLayout } from '@/test/layout'
import type { ChatMessage } from '@/types/chat.types'

function message(n: number, fields: Partial<ChatMessage> = {}): ChatMessage {
  const user = n % 2 === 0
  return {
    id: `m${n}`,
    role: user ? 'user' : 'assistant',
    content: user
      ? `Question ${n}`
      : `Answer ${n} with **bold** text and\n\n\`\`\`ts\nconst n = ${n}\n\`\`\``,
    thinking: '',
    attachedFiles: [],
    operations: [],
    tokensUsed: user ? 0 : 100,
    status: 'complete',
    statusText: null,
    error: null,
    replyTo: user ? null : `m${n - 1}`,
    createdAt: '2026-01-01T00:00:00Z',
    ...fields,
  }
}

const conversation = (count: number) => Array.from({ length: count }, (_, n) => message(n))

const handlers = () => ({
  onDelete: vi.fn(),
  onRegenerate: vi.fn(),
  onRevert: vi.fn(() => Promise.resolve({ reverted: [], conflicts: [] })),
})

/** Lets the scroll events of `scrollTop` writes arrive, and what they cause render. */
const settle = () => act(async () => {})

async function renderList(props: Partial<MessageListProps> & { messages: ChatMessage[] }) {
  const all = { busy: false, ...handlers(), ...props }
  const view = render(<MessageList {...all} />)
  await settle()
  const log = screen.getByRole('log', { name: 'Conversation' })
  return {
    ...view,
    log,
    rerenderWith: async (next: Partial<MessageListProps>) => {
      view.rerender(<MessageList {...all} {...next} />)
      await settle()
    },
  }
}

const indexes = (log: HTMLElement) =>
  [...log.querySelectorAll<HTMLElement>('[data-index]')].map((el) => Number(el.dataset.index))
const drawn = (log: HTMLElement) => within(log).queryAllByRole('article')
const texts = (log: HTMLElement) => drawn(log).map((a) => a.textContent ?? '')

async function scrollTo(log: HTMLElement, top: number) {
  act(() => {
    log.scrollTop = top
  })
  await settle()
}

const bottomOf = (log: HTMLElement) => log.scrollHeight - log.clientHeight

describe('MessageList', () => {
  it('draws only the messages in view, plus a few either side, of 2,000', async () => {
    const started = performance.now()
    const { log } = await renderList({ messages: conversation(2000) })
    const elapsed = performance.now() - started

    // 600px viewport, 100px messages: 6 in view, 6 overscan above (none below the last)
    expect(drawn(log).length).toBeGreaterThan(0)
    expect(drawn(log).length).toBeLessThanOrEqual(6 + 2 * 6 + 1)
    // it opens at the newest message
    expect(log.scrollTop).toBe(bottomOf(log))
    expect(texts(log).at(-1)).toContain('Answer 1999')
    expect(within(log).queryByText('Question 0')).toBeNull()
    console.log(
      `MessageList: 2,000 messages drawn as ${drawn(log).length} in ${elapsed.toFixed(0)} ms (jsdom)`,
    )
  })

  it('draws other messages as the list scrolls, and their heights may differ', async () => {
    setListLayout({ itemHeight: (index) => (index % 2 === 0 ? 60 : 240) })
    const { log } = await renderList({ messages: conversation(2000) })

    await scrollTo(log, 0)
    expect(within(log).getByText('Question 0')).toBeInTheDocument()
    expect(within(log).queryByText(/Answer 1999/)).toBeNull()
    expect(drawn(log).length).toBeLessThanOrEqual(20)

    // the middle: messages not drawn yet count as 120px (the guess) plus the 12px gap
    await scrollTo(log, log.scrollHeight / 2)
    const middle = indexes(log)
    expect(Math.min(...middle)).toBeGreaterThan(900)
    expect(Math.max(...middle)).toBeLessThan(1100)
    expect(within(log).queryByText('Question 0')).toBeNull()
    expect(drawn(log).length).toBeLessThanOrEqual(20)
    // drawn, they have their own heights: a short question, then a tall answer
    const [first, second] = [...log.querySelectorAll<HTMLElement>('.message-list__item')]
    const top = (el?: HTMLElement) =>
      Number(/translateY\((\d+)px\)/.exec(el?.style.transform ?? '')?.[1])
    expect(top(second) - top(first)).toBe(Number(first?.dataset.index) % 2 === 0 ? 72 : 252)
  })

  it('follows new messages at the bottom; scrolled up it stays put and offers a way back', async () => {
    const messages = conversation(200)
    const { log, rerenderWith } = await renderList({ messages })
    expect(log.scrollTop).toBe(bottomOf(log))
    expect(screen.queryByRole('button', { name: /Scroll to bottom/ })).toBeNull()

    // at the bottom: a new message is followed
    const more = [...messages, message(200)]
    await rerenderWith({ messages: more })
    expect(log.scrollTop).toBe(bottomOf(log))
    expect(within(log).getByText('Question 200')).toBeInTheDocument()

    // scrolled up: a new message neither moves the view nor is drawn
    await scrollTo(log, 1000)
    const jump = screen.getByRole('button', { name: /Scroll to bottom/ })
    await rerenderWith({ messages: [...more, message(201)] })
    expect(log.scrollTop).toBe(1000)
    expect(within(log).queryByText(/Answer 201/)).toBeNull()

    await userEvent.click(jump)
    expect(log.scrollTop).toBe(bottomOf(log))
    await settle()
    expect(within(log).getByText(/Answer 201/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Scroll to bottom/ })).toBeNull()
  })

  it('follows a reply streaming in at the bottom', async () => {
    const messages = conversation(100)
    const reply = message(100, { role: 'assistant', status: 'streaming', content: 'Hel' })
    // the others as tall as the virtualizer guesses (120px), so only the reply changes the total
    setListLayout({
      itemHeight: (index) => (index === 100 ? 100 + 20 * (reply.content.length / 3) : 120),
    })
    const { log, rerenderWith } = await renderList({ messages: [...messages, reply], busy: true })
    const before = log.scrollHeight
    for (let i = 0; i < 10; i++) {
      reply.content += 'lo '
      await rerenderWith({ messages: [...messages, { ...reply }] })
      act(() => resizeObserved())
      await settle()
    }
    expect(log.scrollHeight).toBe(before + 200)
    expect(log.scrollTop).toBe(bottomOf(log))
  })

  it('keeps a focused message drawn while it scrolls out of view, so the keyboard stays on it', async () => {
    const { log } = await renderList({ messages: conversation(2000) })
    const last = drawn(log).at(-1)!
    const regenerate = within(last).getByRole('button', { name: 'Regenerate' })
    regenerate.focus()
    expect(regenerate).toHaveFocus()

    await scrollTo(log, 0)
    expect(within(log).getByText('Question 0')).toBeInTheDocument()
    expect(regenerate).toBeInTheDocument()
    expect(regenerate).toHaveFocus()
    await userEvent.keyboard('{Enter}')

    regenerate.blur()
    await settle()
    expect(regenerate).not.toBeInTheDocument()
  })
})
