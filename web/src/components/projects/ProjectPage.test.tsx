import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter, Route, Routes } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ProjectPage } from '@/components/projects/ProjectPage'
import { useProjectStore } from '@/store/projectStore'
import { useUserStore } from '@/store/userStore'
import { installFakeFetch, jsonResponse, problemResponse } from '@/test/fakeServer'
import type { FileView, Project } from '@/types/api'

const PROJECT: Project = {
  id: 'p1',
  name: 'Shop',
  description: 'A shop',
  type: 'react',
  techStack: ['React'],
  status: 'active',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
}

function fileView(content: string, version: number): FileView {
  return {
    path: 'src/App.tsx',
    content,
    language: 'typescript',
    size: content.length,
    version,
    updatedAt: '2026-01-01T00:00:00Z',
  }
}

/** A one-file project on a fake server whose file the test can change "elsewhere". */
function serveProject() {
  const server = { file: fileView('v1 content', 1) }
  const calls = installFakeFetch(({ method, url, body }) => {
    if (url.pathname === '/api/v1/projects/p1') return jsonResponse(200, PROJECT)
    // the chat panel's calls
    if (url.pathname === '/api/v1/chat/messages/p1') return jsonResponse(200, [])
    if (url.pathname === '/api/v1/ai/models') return jsonResponse(200, [])
    // the terminal panel's calls
    if (url.pathname === '/api/v1/projects/p1/runs') return jsonResponse(200, [])
    if (url.pathname === '/api/v1/projects/p1/problems') return jsonResponse(200, [])
    if (url.pathname === '/api/v1/tokens/balance') {
      return jsonResponse(200, { balance: 100, totalPurchased: 0, totalUsed: 0, available: 100 })
    }
    if (url.pathname !== '/api/v1/projects/p1/files') return undefined
    if (method === 'GET' && !url.searchParams.has('path')) {
      const { content: _content, ...summary } = server.file
      return jsonResponse(200, [summary])
    }
    if (method === 'GET') return jsonResponse(200, server.file)
    if (method === 'PUT') {
      const request = body as { content: string; expectedVersion?: number }
      if (
        request.expectedVersion !== undefined &&
        request.expectedVersion !== server.file.version
      ) {
        return problemResponse(409, {
          title: 'Version conflict',
          detail: `The file src/App.tsx is at version ${server.file.version}, not ${request.expectedVersion}`,
          code: 'version-conflict',
        })
      }
      server.file = fileView(request.content, server.file.version + 1)
      return jsonResponse(200, server.file)
    }
    return undefined
  })
  return { server, calls }
}

function renderProject() {
  return render(
    <MemoryRouter initialEntries={['/projects/p1']}>
      <Routes>
        <Route path="/projects/:id" element={<ProjectPage />} />
      </Routes>
    </MemoryRouter>,
  )
}

beforeEach(() => {
  useProjectStore.getState().reset()
  useUserStore.getState().setSession({
    accessToken: 'a',
    refreshToken: 'r',
    expiresIn: 900,
    user: {
      id: 'u',
      email: 'u@example.com',
      name: null,
      role: 'user',
      createdAt: '2026-01-01T00:00:00Z',
    },
  })
})

afterEach(() => vi.unstubAllGlobals())

describe('ProjectPage', () => {
  it('saves with the loaded version, then resolves a conflict by reloading', async () => {
    const { server, calls } = serveProject()
    renderProject()

    await userEvent.click(await screen.findByRole('button', { name: 'src/App.tsx' }))
    const editor = await screen.findByLabelText('File content')
    expect(editor).toHaveValue('v1 content')
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled()

    await userEvent.type(editor, ' edited')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Saved')).toBeInTheDocument()
    // the project channel may ask for its ticket at any moment: look at the saves only
    expect(calls.filter((call) => call.method === 'PUT').at(-1)).toEqual({
      method: 'PUT',
      path: '/api/v1/projects/p1/files',
      body: { path: 'src/App.tsx', content: 'v1 content edited', expectedVersion: 1 },
    })

    server.file = fileView('changed elsewhere', 5)
    await userEvent.type(editor, '!')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('This file was changed elsewhere')
    expect(alert).toHaveTextContent('at version 5, not 2')
    expect(editor).toHaveValue('v1 content edited!')

    await userEvent.click(within(alert).getByRole('button', { name: 'Reload file' }))
    await vi.waitFor(() =>
      expect(screen.getByLabelText('File content')).toHaveValue('changed elsewhere'),
    )
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('overwrites without an expected version when the user chooses so', async () => {
    const { server, calls } = serveProject()
    renderProject()
    await userEvent.click(await screen.findByRole('button', { name: 'src/App.tsx' }))
    const editor = await screen.findByLabelText('File content')

    server.file = fileView('changed elsewhere', 2)
    await userEvent.type(editor, ' mine')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Overwrite with my version' }))

    await vi.waitFor(() =>
      expect(server.file).toMatchObject({ content: 'v1 content mine', version: 3 }),
    )
    expect(calls.filter((call) => call.method === 'PUT').at(-1)?.body).toEqual({
      path: 'src/App.tsx',
      content: 'v1 content mine',
    })
  })
})
