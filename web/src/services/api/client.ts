import { HttpClient } from '@/services/api/httpClient'
import { useUserStore } from '@/store/userStore'

/** The app's one API client, reading and renewing the session kept in `userStore`. */
export const api = new HttpClient({
  session: {
    accessToken: () => useUserStore.getState().accessToken,
    refreshToken: () => useUserStore.getState().refreshToken,
    refreshed: (auth) => useUserStore.getState().setSession(auth),
    expired: () => useUserStore.getState().logout('expired'),
  },
})
