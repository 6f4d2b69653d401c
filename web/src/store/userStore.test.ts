import { beforeEach, describe, expect, it } from 'vitest'
import {
  SESSION_STORAGE_KEY,
  initialUserState,
  selectIsAuthenticated,
  useUserStore,
} from '@/store/userStore'
import type { AuthResponse } from '@/types/api'

const auth: AuthResponse = {
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  expiresIn: 900,
  user: {
    id: 'u1',
    email: 'asha@example.com',
    name: 'Asha',
    role: 'user',
    createdAt: '2026-01-01T00:00:00Z',
  },
}

function stored(): Record<string, unknown> | null {
  const raw = localStorage.getItem(SESSION_STORAGE_KEY)
  return raw ? (JSON.parse(raw) as { state: Record<string, unknown> }).state : null
}

describe('userStore', () => {
  beforeEach(() => useUserStore.getState().reset())

  it('starts signed out', () => {
    expect(useUserStore.getState()).toMatchObject(initialUserState)
    expect(selectIsAuthenticated(useUserStore.getState())).toBe(false)
  })

  it('keeps the session and persists user and tokens in localStorage', () => {
    const before = Date.now()
    useUserStore.getState().setSession(auth)

    const state = useUserStore.getState()
    expect(state.user).toEqual(auth.user)
    expect(state.accessToken).toBe('access-1')
    expect(state.refreshToken).toBe('refresh-1')
    expect(state.accessTokenExpiresAt).toBeGreaterThanOrEqual(before + 900_000)
    expect(selectIsAuthenticated(state)).toBe(true)
    expect(stored()).toMatchObject({
      user: auth.user,
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
    })
    expect(stored()).not.toHaveProperty('logoutReason')
  })

  it('logout clears the session, remembers why, and clears the stored copy', () => {
    useUserStore.getState().setSession(auth)
    useUserStore.getState().logout('expired')

    expect(useUserStore.getState()).toMatchObject({
      user: null,
      accessToken: null,
      refreshToken: null,
      logoutReason: 'expired',
    })
    expect(stored()).toMatchObject({ user: null, accessToken: null, refreshToken: null })
  })

  it('rehydrates a session written by another tab', async () => {
    localStorage.setItem(
      SESSION_STORAGE_KEY,
      JSON.stringify({
        state: {
          user: auth.user,
          accessToken: 'other',
          refreshToken: 'r2',
          accessTokenExpiresAt: 1,
        },
        version: 1,
      }),
    )
    await useUserStore.persist.rehydrate()
    expect(useUserStore.getState()).toMatchObject({
      accessToken: 'other',
      refreshToken: 'r2',
      user: auth.user,
    })
  })

  it('reset returns to the initial state', () => {
    useUserStore.getState().setSession(auth)
    useUserStore.getState().reset()
    expect(useUserStore.getState()).toMatchObject(initialUserState)
  })
})
