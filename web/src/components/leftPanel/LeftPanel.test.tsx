import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LeftPanel } from '@/components/leftPanel/LeftPanel'
import { useChatStore } from '@/store/chatStore'
import { useExecutionStore } from '@/store/executionStore'
import { useProjectStore } from '@/store/projectStore'
import { useUserStore } from '@/store/userStore'
import { installFakeFetch, jsonResponse, problemResponse } from '@/test/fakeServer'

const sse = (id: number, event: object) => `id: ${id}\ndata: ${JSON.stringify(event)}\n\n`
const op = (status: string) => ({
  type: 'operation',
  operation: {
    id: 'op-1',
    type: 'create',
    path: 'src/App.tsx',
    to: null,
    description: 'The counter component',
    status,
    patch: '--- /dev/null\n+++ b/src/App.tsx\n+export const App = 1',
    error: null,
  },
})

const REPLY =
  sse(1, { type: 'status', status: 'thinking', messageId: 'r1', userMessageId: 'u1' }) +
  sse(2, { type: 'chunk', content: 'Here is **your** app.\n\n```ts\nconst a = 1\n```\n' }) +
  sse(3, op('pending')) +
  sse(4, op('complete')) +
  sse(5, { type: 'complete', tokensUsed: 783, messageId: 'r1', status: 'complete' })

const view = (id: string, role: string, status: string, content = '') => ({
  id,
  role,
  content,
  attachedFiles: [],
  operations: [],
  tokensUsed: 0,
  status,
  replyTo: role === 'assistant' ? 'u1' : null,
  createdAt: '2026-01-01T00:00:00Z',
})

function serve(
  options: { history?: unknown[]; extra?: (method: string, url: URL) => Response | undefined } = {},
) {
  return installFakeFetch(({ method, url }) => {
    const extra = options.extra?.(method, url)
    if (extra) return extra
    if (url.pathname === '/api/v1/chat/messages/p1') return jsonResponse(200, options.history ?? [])
    if (url.pathname === '/api/v1/ai/models') {
      return jsonResponse(200, [
        {
          id: 'demo',
          provider: 'demo',
          label: 'Offline demo',
          demo: true,
          isDefault: true,
          contextWindow: 1,
          maxOutputTokens: 1,
        },
      ])
    }
    if (url.pathname === '/api/v1/tokens/balance') {
      return jsonResponse(200, {
        balance: 50000,
        totalPurchased: 0,
        totalUsed: 0,
        available: 50000,
      })
    }
    if (method === 'POST' && url.pathname === '/api/v1/chat/stream') {
      return new Response(REPLY, { headers: { 'Content-Type': 'text/event-stream' } })
    }
    return undefined
  })
}

describe('LeftPanel', () => {
  beforeEach(() => {
    useUserStore.setState({ accessToken: 'token', refreshToken: 'refresh' })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    useChatStore.getState().reset()
  })

  it('shows the welcome card; an example sends and its reply streams in', async () => {
    const calls = serve()
    render(
      <MemoryRouter>
        <LeftPanel projectId="p1" files={[]} openFile={null} />
      </MemoryRouter>,
    )

    expect(await screen.findByRole('heading', { name: 'Welcome to BharatBuild AI' })).toBeVisible()
    const examples = within(screen.getByRole('group', { name: 'Examples' })).getAllByRole('button')
    expect(examples.map((b) => b.textContent)).toEqual([
      'Build a React dashboard',
      'Create a REST API',
      'Add authentication',
      'Fix this bug',
    ])
    expect(await screen.findByRole('option', { name: 'Offline demo' })).toBeInTheDocument()

    await userEvent.click(examples[1]!)

    const log = await screen.findByRole('log', { name: 'Conversation' })
    await vi.waitFor(() => expect(log).toHaveTextContent('783 tokens'))
    expect(within(log).getByText('your').tagName).toBe('STRONG')
    expect(within(log).getByText('const a = 1')).toBeInTheDocument()
    const card = within(log).getByRole('listitem', { name: 'create src/App.tsx' })
    expect(card).toHaveTextContent('Complete')
    expect(card).toHaveTextContent('The counter component')
    await userEvent.click(within(card).getByRole('button', { name: 'Show changes' }))
    expect(within(card).getByLabelText('Changes to src/App.tsx')).toHaveTextContent(
      '+export const App = 1',
    )

    const post = calls.find((c) => c.method === 'POST')
    expect(post).toMatchObject({
      path: '/api/v1/chat/stream',
      body: { projectId: 'p1', message: 'Create a REST API', mode: 'codeGeneration' },
    })
    expect(useChatStore.getState().messages.map((m) => m.id)).toEqual(['u1', 'r1'])
  })

  it('sends on Enter and keeps Shift+Enter as a newline', async () => {
    const calls = serve()
    render(
      <MemoryRouter>
        <LeftPanel projectId="p1" files={[]} openFile={null} />
      </MemoryRouter>,
    )
    const input = await screen.findByLabelText('Message')

    await userEvent.type(input, 'line one{Shift>}{Enter}{/Shift}line two')
    expect(input).toHaveValue('line one\nline two')
    expect(calls.some((c) => c.method === 'POST')).toBe(false)

    await userEvent.type(input, '{Enter}')
    await vi.waitFor(() =>
      expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({
        message: 'line one\nline two',
      }),
    )
    expect(input).toHaveValue('')
  })

  it('reattaches to a reply still being written after a page load', async () => {
    const calls = serve({
      history: [
        view('u1', 'user', 'complete', 'Create a counter app'),
        view('r1', 'assistant', 'streaming'),
      ],
      extra: (method, url) =>
        method === 'GET' && url.pathname === '/api/v1/chat/stream'
          ? new Response(REPLY, { headers: { 'Content-Type': 'text/event-stream' } })
          : undefined,
    })
    render(
      <MemoryRouter>
        <LeftPanel projectId="p1" files={[]} openFile={null} />
      </MemoryRouter>,
    )

    const log = await screen.findByRole('log', { name: 'Conversation' })
    await vi.waitFor(() => expect(log).toHaveTextContent('783 tokens'))
    expect(calls.some((c) => c.path === '/api/v1/chat/stream?messageId=r1')).toBe(true)
    expect(useChatStore.getState().streaming).toBeNull()
  })

  it('explains a refusal for a low balance and keeps the message', async () => {
    serve({
      extra: (method, url) =>
        method === 'POST' && url.pathname === '/api/v1/chat/stream'
          ? problemResponse(402, {
              title: 'Insufficient tokens',
              detail: 'You need at least 1,000 tokens to send a message.',
              code: 'insufficient-tokens',
            })
          : undefined,
    })
    render(
      <MemoryRouter>
        <LeftPanel projectId="p1" files={[]} openFile={null} />
      </MemoryRouter>,
    )
    await userEvent.type(await screen.findByLabelText('Message'), 'Hello{Enter}')

    const log = await screen.findByRole('log', { name: 'Conversation' })
    await vi.waitFor(() =>
      expect(log).toHaveTextContent('You need at least 1,000 tokens to send a message.'),
    )
    expect(log).toHaveTextContent('Hello')
    expect(useChatStore.getState().streaming).toBeNull()
  })

  describe('the terminal panel', () => {
    beforeEach(() => {
      useProjectStore.setState({
        currentProject: {
          id: 'p1',
          name: 'Demo',
          description: '',
          type: '',
          status: 'active',
          techStack: [],
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
        },
      })
      // minimised, so the shell does not try to connect in jsdom
      useExecutionStore.getState().setTerminal('minimised')
    })
    afterEach(() => {
      useProjectStore.getState().reset()
      useExecutionStore.getState().setTerminal('docked')
    })

    it('closes entirely and reopens from the status bar under the chat', async () => {
      serve({
        extra: (_, url) => (url.pathname.endsWith('/runs') ? jsonResponse(200, []) : undefined),
      })
      const { container } = render(
        <MemoryRouter>
          <LeftPanel projectId="p1" files={[]} openFile={null} />
        </MemoryRouter>,
      )
      const panel = await screen.findByRole('region', { name: 'Terminal panel' })
      expect(screen.queryByRole('button', { name: 'Open terminal' })).toBeNull()

      await userEvent.click(within(panel).getByRole('button', { name: 'Close terminal' }))
      expect(screen.queryByRole('region', { name: 'Terminal panel' })).toBeNull()
      expect(container.querySelector('.left-panel__terminal')).not.toBeVisible()
      expect(screen.queryByRole('separator', { name: 'Resize chat and terminal' })).toBeNull()
      expect(useExecutionStore.getState().terminal).toBe('closed')

      const reopen = screen.getByRole('button', { name: 'Open terminal' })
      expect(reopen).toHaveTextContent('Terminal')
      reopen.focus()
      await userEvent.keyboard('{Enter}')
      expect(screen.getByRole('region', { name: 'Terminal panel' })).toBeVisible()
      expect(screen.queryByRole('button', { name: 'Open terminal' })).toBeNull()
      expect(useExecutionStore.getState().terminal).toBe('docked')
      expect(screen.getByRole('separator', { name: 'Resize chat and terminal' })).toBeVisible()
    })

    it('minimises to its tabs and maximises over the workbench', async () => {
      serve({
        extra: (_, url) => (url.pathname.endsWith('/runs') ? jsonResponse(200, []) : undefined),
      })
      render(
        <MemoryRouter>
          <LeftPanel projectId="p1" files={[]} openFile={null} />
        </MemoryRouter>,
      )
      const panel = await screen.findByRole('region', { name: 'Terminal panel' })
      const maximise = within(panel).getByRole('button', { name: 'Maximise terminal' })
      expect(within(panel).getByRole('tabpanel', { hidden: true })).not.toBeVisible()
      expect(within(panel).getByRole('button', { name: 'Restore terminal' })).toHaveAttribute(
        'aria-expanded',
        'false',
      )

      await userEvent.click(maximise)
      expect(maximise).toHaveAttribute('aria-pressed', 'true')
      expect(panel).toHaveClass('terminal-panel--maximised')
      expect(within(panel).getByRole('tabpanel')).toBeVisible()

      await userEvent.click(maximise)
      expect(maximise).toHaveAttribute('aria-pressed', 'false')
      expect(panel).not.toHaveClass('terminal-panel--maximised')

      await userEvent.click(within(panel).getByRole('button', { name: 'Minimise terminal' }))
      expect(useExecutionStore.getState().terminal).toBe('minimised')
      expect(within(panel).getByRole('tabpanel', { hidden: true })).not.toBeVisible()
    })
  })
})
