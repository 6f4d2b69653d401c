import { Navigate, Outlet, useLocation } from 'react-router'
import { selectIsAuthenticated, useUserStore } from '@/store/userStore'

/** Lets signed-in users through; sends everyone else to /login, remembering where they were. */
export function RequireAuth() {
  const authenticated = useUserStore(selectIsAuthenticated)
  const location = useLocation()
  if (!authenticated) return <Navigate to="/login" replace state={{ from: location }} />
  return <Outlet />
}

/** Where to go after signing in: the page that sent the user to /login, else the projects. */
export function redirectTarget(state: unknown): string {
  const from = (state as { from?: { pathname?: string; search?: string } } | null)?.from
  const path = from?.pathname
  if (!path || path === '/login' || path === '/register' || !path.startsWith('/'))
    return '/projects'
  return path + (from?.search ?? '')
}
