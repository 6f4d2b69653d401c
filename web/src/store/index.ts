import { useProjectStore } from '@/store/projectStore'
import { useUserStore } from '@/store/userStore'

export { useProjectStore } from '@/store/projectStore'
export { useUserStore } from '@/store/userStore'

/** Clears every user-scoped store when the session ends, so the next user starts clean. */
export function resetStoresOnLogout(): () => void {
  return useUserStore.subscribe((state, previous) => {
    if (previous.user !== null && state.user === null) useProjectStore.getState().reset()
  })
}
