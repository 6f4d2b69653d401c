import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { MemoryRouter } from 'react-router'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AppRoutes } from '@/App'
import { useProjectStore } from '@/store/projectStore'
import { useUserStore } from '@/store/userStore'
import { installFakeFetch, jsonResponse, problemResponse } from '@/test/fakeServer'
import type { AuthResponse, Project } from '@/types/api'

const user = {
  id: 'u1',
  email: 'asha@example.com',
  name: 'Asha',
  role: 'user',
  createdAt: '2026-01-01T00:00:00Z',
}
const auth: AuthResponse = {
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  expiresIn: 900,
  user,
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <AppRoutes />
    </MemoryRouter>,
  )
}

beforeEach(() => {
  useUserStore.getState().reset()
  useProjectStore.getState().reset()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('routing', () => {
  it('sends a signed-out visitor of /projects to the login page', async () => {
    installFakeFetch(() => undefined)
    renderAt('/projects')
    expect(
      await screen.findByRole('heading', { name: 'Sign in to BharatBuild' }),
    ).toBeInTheDocument()
  })
})

describe('LoginPage', () => {
  it('shows the server validation errors beside the fields', async () => {
    installFakeFetch(() =>
      problemResponse(400, {
        title: 'Validation failed',
        errors: [{ field: 'email', message: 'must be a well-formed email address' }],
      }),
    )
    renderAt('/login')

    await userEvent.type(screen.getByLabelText('Email'), 'nope')
    await userEvent.type(screen.getByLabelText('Password'), 'whatever1')
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))

    const email = screen.getByLabelText('Email')
    expect(await screen.findByText('must be a well-formed email address')).toBeInTheDocument()
    expect(email).toHaveAttribute('aria-invalid', 'true')
    expect(email).toHaveAccessibleDescription('must be a well-formed email address')
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('shows wrong credentials in an alert', async () => {
    installFakeFetch(() =>
      problemResponse(401, {
        title: 'Invalid credentials',
        detail: 'The email or password is wrong',
      }),
    )
    renderAt('/login')

    await userEvent.type(screen.getByLabelText('Email'), 'asha@example.com')
    await userEvent.type(screen.getByLabelText('Password'), 'wrong-password')
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('alert')).toHaveTextContent('The email or password is wrong')
    expect(useUserStore.getState().user).toBeNull()
  })

  it('signs in and opens the projects', async () => {
    const calls = installFakeFetch(({ method, url, token }) => {
      if (method === 'POST' && url.pathname === '/api/v1/auth/login') return jsonResponse(200, auth)
      if (url.pathname === '/api/v1/projects' && token === 'access-1') return jsonResponse(200, [])
      return undefined
    })
    renderAt('/login')

    await userEvent.type(screen.getByLabelText('Email'), ' asha@example.com ')
    await userEvent.type(screen.getByLabelText('Password'), 'secret-123')
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('heading', { name: 'Projects' })).toBeInTheDocument()
    expect(await screen.findByText('No projects yet')).toBeInTheDocument()
    expect(calls[0]).toEqual({
      method: 'POST',
      path: '/api/v1/auth/login',
      body: { email: 'asha@example.com', password: 'secret-123' },
    })
  })
})

describe('ProjectListPage', () => {
  it('creates a project and shows it first, with field errors from the server', async () => {
    useUserStore.getState().setSession(auth)
    const existing: Project = {
      id: 'p-old',
      name: 'Old one',
      description: null,
      type: null,
      techStack: [],
      status: 'active',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    }
    const calls = installFakeFetch(({ method, url, body }) => {
      if (url.pathname !== '/api/v1/projects') return undefined
      if (method === 'GET') return jsonResponse(200, [existing])
      const request = body as {
        name: string
        type?: string
        techStack?: string[]
        description?: string
      }
      if (!request.name) {
        return problemResponse(400, {
          title: 'Validation failed',
          errors: [{ field: 'name', message: 'must not be blank' }],
        })
      }
      return jsonResponse(201, {
        ...existing,
        ...request,
        id: 'p-new',
        description: request.description ?? null,
        createdAt: '2026-02-01T00:00:00Z',
      })
    })
    renderAt('/projects')
    expect(await screen.findByRole('link', { name: 'Old one' })).toBeInTheDocument()

    await userEvent.click(screen.getByRole('button', { name: 'Create project' }))
    expect(await screen.findByText('must not be blank')).toBeInTheDocument()

    await userEvent.type(screen.getByLabelText('Project name'), 'Shop')
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'react')
    await userEvent.type(screen.getByLabelText('Tech stack'), 'React, Vite,, TypeScript ')
    await userEvent.click(screen.getByRole('button', { name: 'Create project' }))

    const list = await screen.findByRole('list', { name: 'Projects' })
    await vi.waitFor(() =>
      expect(
        within(list)
          .getAllByRole('link')
          .map((a) => a.textContent),
      ).toEqual(['Shop', 'Old one']),
    )
    expect(calls.at(-1)?.body).toEqual({
      name: 'Shop',
      type: 'react',
      techStack: ['React', 'Vite', 'TypeScript'],
    })
    expect(screen.getByLabelText('Project name')).toHaveValue('')
  })
})
