import { render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { MessageList } from '@/components/leftPanel/ChatPanel/MessageList'
import { SystemMessage } from '@/components/leftPanel/ChatPanel/SystemMessage'
import type { ChatMessage } from '@/types/chat.types'

const message = (over: Partial<ChatMessage>): ChatMessage => ({
  id: 's1',
  role: 'system',
  content: 'The conversation was reset.',
  thinking: '',
  attachedFiles: [],
  operations: [],
  tokensUsed: 0,
  status: 'complete',
  statusText: null,
  error: null,
  replyTo: null,
  createdAt: '2026-01-01T10:30:00Z',
  ...over,
})

describe('SystemMessage', () => {
  it('shows a notice as a note, with its time', () => {
    render(<SystemMessage message={message({})} />)
    const note = screen.getByRole('note')
    expect(note).toHaveTextContent('The conversation was reset.')
    expect(screen.getByRole('article', { name: 'System message' })).toContainElement(note)
    expect(note.querySelector('time')).toHaveAttribute('dateTime', '2026-01-01T10:30:00Z')
  })

  it('shows an error notice as an alert', () => {
    render(
      <SystemMessage message={message({ content: '', status: 'error', error: 'Out of tokens' })} />,
    )
    expect(screen.getByRole('alert')).toHaveTextContent('Out of tokens')
  })

  it('is what the message list renders for a system message', () => {
    render(
      <MessageList
        messages={[message({}), message({ id: 'u1', role: 'user', content: 'Hello' })]}
        busy={false}
        onDelete={vi.fn()}
        onRegenerate={vi.fn()}
        onRevert={vi.fn()}
      />,
    )
    expect(screen.getByRole('article', { name: 'System message' })).toBeInTheDocument()
    expect(screen.queryByRole('article', { name: 'AI message' })).not.toBeInTheDocument()
  })
})
