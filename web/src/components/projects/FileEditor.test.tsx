import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FileEditor } from '@/components/projects/FileEditor'
import { useChatStore } from '@/store/chatStore'
import { useProjectStore, type ProjectStore } from '@/store/projectStore'
import { useUserStore } from '@/store/userStore'
import { installFakeFetch, jsonResponse, problemResponse } from '@/test/fakeServer'
import type { FileView } from '@/types/api'

// '@monaco-editor/react' is mocked for every unit test (src/test/monacoMock.tsx): the editor is
// a textarea labelled like Monaco's input ("File content").

const file = (content: string, version: number): FileView => ({
  path: 'src/main.ts',
  content,
  language: 'typescript',
  size: content.length,
  version,
  updatedAt: '2026-01-01T00:00:00Z',
})

function serve() {
  const server = { file: file('line one\nline two\nline three', 1) }
  const calls = installFakeFetch(({ method, url, body }) => {
    if (url.pathname === '/api/v1/projects/p1/files/rename' && method === 'POST') {
      const request = body as { from: string; to: string }
      if (request.to === 'src/taken.ts') {
        return problemResponse(409, {
          title: 'File exists',
          detail: 'src/taken.ts exists already',
          code: 'file-exists',
        })
      }
      return jsonResponse(200, { ...server.file, path: request.to })
    }
    if (url.pathname !== '/api/v1/projects/p1/files') return undefined
    if (method === 'GET') return jsonResponse(200, server.file)
    if (method === 'PUT') {
      const request = body as { content: string; expectedVersion?: number }
      if (request.expectedVersion !== undefined && request.expectedVersion !== server.file.version)
        return problemResponse(409, { title: 'Version conflict', detail: 'Stale version' })
      server.file = file(request.content, server.file.version + 1)
      return jsonResponse(200, server.file)
    }
    return undefined
  })
  return { server, calls }
}

function renderEditor(onSaved = vi.fn(), onDirtyChange = vi.fn(), onRenamed = vi.fn()) {
  render(
    <FileEditor
      projectId="p1"
      path="src/main.ts"
      onSaved={onSaved}
      onDeleted={vi.fn()}
      onRenamed={onRenamed}
      onDirtyChange={onDirtyChange}
    />,
  )
  return { onSaved, onDirtyChange, onRenamed }
}

beforeEach(() => {
  useProjectStore.getState().reset()
  useUserStore.getState().setSession({
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 900,
    user: { id: 'u', email: 'u@example.com', name: null, role: 'user', createdAt: '' },
  })
})
afterEach(() => vi.unstubAllGlobals())

describe('FileEditor (Monaco)', () => {
  it("passes the file's language to the editor and marks unsaved changes", async () => {
    serve()
    const { onDirtyChange } = renderEditor()
    const editor = await screen.findByLabelText('File content')
    expect(editor).toHaveValue('line one\nline two\nline three')
    expect(editor).toHaveAttribute('data-language', 'typescript')
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled()

    await userEvent.type(editor, '!')
    expect(screen.getByRole('status')).toHaveTextContent('Unsaved changes')
    expect(onDirtyChange).toHaveBeenLastCalledWith(true)
  })

  it('saves with Ctrl+S, sending the loaded version', async () => {
    const { calls } = serve()
    const { onSaved } = renderEditor()
    const editor = await screen.findByLabelText('File content')
    await userEvent.type(editor, ' edited')
    await userEvent.keyboard('{Control>}s{/Control}')

    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved'))
    expect(calls.at(-1)).toMatchObject({
      method: 'PUT',
      body: { content: 'line one\nline two\nline three edited', expectedVersion: 1 },
    })
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ version: 2 }))
    expect(screen.getByText(/v2/)).toBeInTheDocument()
  })

  it('on a 409 keeps the edits and offers reload or overwrite', async () => {
    const { server, calls } = serve()
    renderEditor()
    const editor = await screen.findByLabelText('File content')
    server.file = file('changed elsewhere', 4)
    await userEvent.type(editor, ' mine')
    await userEvent.keyboard('{Meta>}s{/Meta}')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('This file was changed elsewhere')
    expect(editor).toHaveValue('line one\nline two\nline three mine')

    await userEvent.click(within(alert).getByRole('button', { name: 'Overwrite with my version' }))
    await waitFor(() => expect(server.file.version).toBe(5))
    expect(calls.at(-1)?.body).toEqual({
      path: 'src/main.ts',
      content: 'line one\nline two\nline three mine',
    })
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('reveals and selects a requested line of the open file, then clears the request', async () => {
    serve()
    renderEditor()
    const editor = await screen.findByLabelText('File content')
    const request = { revealLine: { path: 'src/main.ts', line: 2 } }
    useProjectStore.setState(request as Partial<ProjectStore>)

    await waitFor(() => expect(editor).toHaveAttribute('data-revealed-line', '2'))
    expect(editor).toHaveAttribute('data-selected-line', '2')
    expect((useProjectStore.getState() as { revealLine?: unknown }).revealLine).toBeNull()
  })

  it('leaves a reveal request for another file alone', async () => {
    serve()
    renderEditor()
    const editor = await screen.findByLabelText('File content')
    const request = { revealLine: { path: 'src/other.ts', line: 3 } }
    useProjectStore.setState(request as Partial<ProjectStore>)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(editor).not.toHaveAttribute('data-revealed-line')
    expect((useProjectStore.getState() as { revealLine?: unknown }).revealLine).toEqual(
      request.revealLine,
    )
  })

  it('renames the file, and shows why a taken path is refused', async () => {
    serve()
    const { onRenamed } = renderEditor()
    await screen.findByLabelText('File content')

    await userEvent.click(screen.getByRole('button', { name: 'Rename' }))
    const input = screen.getByRole('textbox', { name: 'New path' })
    await userEvent.clear(input)
    await userEvent.type(input, 'src/taken.ts{Enter}')
    expect(await screen.findByRole('alert')).toHaveTextContent('src/taken.ts exists already')
    expect(onRenamed).not.toHaveBeenCalled()

    await userEvent.clear(input)
    await userEvent.type(input, 'lib/main.ts{Enter}')
    await waitFor(() =>
      expect(onRenamed).toHaveBeenCalledWith(
        'src/main.ts',
        expect.objectContaining({ path: 'lib/main.ts' }),
      ),
    )
  })

  it('is read-only while a reply streams, and editable again when it ends', async () => {
    serve()
    renderEditor()
    const editor = await screen.findByLabelText('File content')
    expect(editor).not.toHaveAttribute('readonly')

    useChatStore.setState({ streaming: { replyId: 'r1' } } as never)
    await waitFor(() => expect(editor).toHaveAttribute('readonly'))
    expect(screen.getByText('Read-only while the AI replies')).toBeInTheDocument()

    useChatStore.setState({ streaming: null })
    await waitFor(() => expect(editor).not.toHaveAttribute('readonly'))
  })
})
