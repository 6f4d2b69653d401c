import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import type { AuthResponse, User } from '@/types/api'

/** Why the last session ended, for the login page to say so. */
export type LogoutReason = 'signedOut' | 'expired'

export interface UserState {
  user: User | null
  accessToken: string | null
  refreshToken: string | null
  /** Epoch milliseconds when the access token runs out (informational; the server decides). */
  accessTokenExpiresAt: number | null
  logoutReason: LogoutReason | null
}

export interface UserActions {
  /** Keeps what register, login or refresh answered. */
  setSession: (auth: AuthResponse) => void
  setUser: (user: User) => void
  logout: (reason?: LogoutReason) => void
  reset: () => void
}

export type UserStore = UserState & UserActions

export const initialUserState: UserState = {
  user: null,
  accessToken: null,
  refreshToken: null,
  accessTokenExpiresAt: null,
  logoutReason: null,
}

/** The localStorage key of the persisted session. */
export const SESSION_STORAGE_KEY = 'bharatbuild.session'

export const useUserStore = create<UserStore>()(
  persist(
    (set) => ({
      ...initialUserState,
      setSession: (auth) =>
        set({
          user: auth.user,
          accessToken: auth.accessToken,
          refreshToken: auth.refreshToken,
          accessTokenExpiresAt: Date.now() + auth.expiresIn * 1000,
          logoutReason: null,
        }),
      setUser: (user) => set({ user }),
      logout: (reason = 'signedOut') => set({ ...initialUserState, logoutReason: reason }),
      reset: () => set(initialUserState),
    }),
    {
      name: SESSION_STORAGE_KEY,
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: ({ user, accessToken, refreshToken, accessTokenExpiresAt }) => ({
        user,
        accessToken,
        refreshToken,
        accessTokenExpiresAt,
      }),
    },
  ),
)

export const selectIsAuthenticated = (state: UserState): boolean =>
  state.user !== null && (state.accessToken !== null || state.refreshToken !== null)

/**
 * Another tab signed in, out or renewed the tokens: take its session, so the two tabs do not
 * both spend the same refresh token. Returns the function that stops listening.
 */
export function syncSessionAcrossTabs(): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === SESSION_STORAGE_KEY) void useUserStore.persist.rehydrate()
  }
  window.addEventListener('storage', onStorage)
  return () => window.removeEventListener('storage', onStorage)
}
