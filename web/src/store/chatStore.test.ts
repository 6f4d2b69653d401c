import { beforeEach, describe, expect, it } from 'vitest'
import { applyChatEvents, filesChangedByAi, localMessage, useChatStore } from '@/store/chatStore'
import type { ChatEvent, FileOperation } from '@/types/chat.types'

function op(status: string, fields: Partial<FileOperation> = {}): FileOperation {
  return {
    id: 'op-1',
    type: 'create',
    path: 'src/App.tsx',
    to: null,
    description: 'The counter',
    status,
    patch: null,
    error: null,
    ...fields,
  }
}

function started() {
  const user = localMessage('user', { content: 'Create a counter app' })
  const reply = localMessage('assistant', { replyTo: user.id })
  useChatStore.getState().startReply(user, reply)
  return { user, reply }
}

const apply = (...events: ChatEvent[]) => useChatStore.getState().applyEvents(events)

describe('chatStore', () => {
  beforeEach(() => useChatStore.getState().reset())

  it('names the messages with the ids of the first status event', () => {
    started()
    apply({
      type: 'status',
      status: 'thinking',
      message: 'Analyzing your request…',
      messageId: 'r1',
      userMessageId: 'u1',
    })
    const { messages, streaming } = useChatStore.getState()
    expect(messages.map((m) => m.id)).toEqual(['u1', 'r1'])
    expect(messages[1]).toMatchObject({ replyTo: 'u1', statusText: 'Analyzing your request…' })
    expect(streaming).toEqual({ replyId: 'r1', userMessageId: 'u1' })
  })

  it('appends chunks and thinking, in order, within one batch', () => {
    started()
    apply(
      { type: 'thinking', content: 'plan ' },
      { type: 'chunk', content: 'Hel' },
      { type: 'chunk', content: 'lo' },
      { type: 'thinking', content: 'more' },
    )
    const reply = useChatStore.getState().messages[1]
    expect(reply).toMatchObject({ content: 'Hello', thinking: 'plan more', status: 'streaming' })
  })

  it('updates one card per operation id through its statuses and reports completed paths', () => {
    started()
    apply({ type: 'operation', operation: op('pending', { description: '' }) })
    apply({ type: 'operation', operation: op('in-progress') })
    expect(useChatStore.getState().fileChanges.version).toBe(0)
    apply(
      { type: 'operation', operation: op('complete', { patch: '+x' }) },
      { type: 'operation', operation: op('pending', { id: 'op-2', path: 'index.html' }) },
    )
    const { messages, fileChanges } = useChatStore.getState()
    expect(messages[1]?.operations.map((o) => [o.id, o.status])).toEqual([
      ['op-1', 'complete'],
      ['op-2', 'pending'],
    ])
    expect(fileChanges).toEqual({ version: 1, paths: ['src/App.tsx'] })
  })

  it('ends the reply on complete with the tokens used, and on error with the message', () => {
    started()
    apply({ type: 'complete', tokensUsed: 783, status: 'complete' })
    let state = useChatStore.getState()
    expect(state.messages[1]).toMatchObject({ status: 'complete', tokensUsed: 783 })
    expect(state.streaming).toBeNull()
    expect(state.balanceVersion).toBe(1)

    started()
    apply({ type: 'chunk', content: 'partial' }, { type: 'error', message: 'Provider down' })
    state = useChatStore.getState()
    expect(state.messages.at(-1)).toMatchObject({
      status: 'error',
      error: 'Provider down',
      content: 'partial',
    })
  })

  it('marks a stopped reply cancelled', () => {
    started()
    apply({ type: 'complete', tokensUsed: 10, status: 'cancelled' })
    expect(useChatStore.getState().messages[1]?.status).toBe('cancelled')
  })

  it('ignores events when nothing streams', () => {
    const state = {
      messages: [],
      streaming: null,
      fileChanges: { version: 0, paths: [] },
      balanceVersion: 0,
    }
    expect(applyChatEvents(state, [{ type: 'chunk', content: 'x' }])).toEqual(state)
  })

  it('regenerating replaces the reply in place and takes the new id', () => {
    started()
    apply({ type: 'status', status: 'thinking', messageId: 'r1', userMessageId: 'u1' })
    apply({ type: 'chunk', content: 'old' }, { type: 'complete', tokensUsed: 5 })
    const old = useChatStore.getState().messages[1]!
    useChatStore
      .getState()
      .startReply(null, { ...old, content: '', status: 'streaming', operations: [] })
    apply(
      { type: 'status', status: 'thinking', messageId: 'r2', userMessageId: 'u1' },
      { type: 'chunk', content: 'new' },
    )
    const { messages } = useChatStore.getState()
    expect(messages.map((m) => [m.id, m.content])).toEqual([
      ['u1', 'Create a counter app'],
      ['r2', 'new'],
    ])
  })

  it('keeps attachments per project and toggles them', () => {
    const { toggleAttachment } = useChatStore.getState()
    toggleAttachment('a.ts')
    toggleAttachment('b.ts')
    toggleAttachment('a.ts')
    expect(useChatStore.getState().attachedFiles).toEqual(['b.ts'])
  })
})

describe('filesChangedByAi', () => {
  it('takes the completed operations of the latest reply that changed files', () => {
    const older = localMessage('assistant', {
      operations: [op('complete', { path: 'old.ts' })],
    })
    const latest = localMessage('assistant', {
      operations: [
        op('complete', { id: 'op-1', path: 'src/App.tsx' }),
        op('error', { id: 'op-2', path: 'src/Broken.tsx' }),
        op('complete', { id: 'op-3', type: 'rename', path: 'a.ts', to: 'b.ts' }),
        op('complete', { id: 'op-4', type: 'delete', path: 'gone.ts' }),
      ],
    })
    const question = localMessage('user', { content: 'thanks' })
    const chatty = localMessage('assistant', { operations: [] })

    expect([...filesChangedByAi([older, latest, question, chatty])]).toEqual([
      'src/App.tsx',
      'b.ts',
    ])
  })

  it('is empty before the AI changed anything', () => {
    expect(filesChangedByAi([localMessage('user', { content: 'hi' })]).size).toBe(0)
  })
})
