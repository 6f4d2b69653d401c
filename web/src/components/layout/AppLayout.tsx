import { useState } from 'react'
import { Link, Outlet } from 'react-router'
import { Button } from '@/components/common/Button'
import { Logo } from '@/components/common/Logo'
import { authService } from '@/services/api/authService'
import { useUserStore } from '@/store/userStore'

/** The signed-in frame: the top bar with the brand, the user and Sign out. */
export function AppLayout() {
  const user = useUserStore((s) => s.user)
  const [signingOut, setSigningOut] = useState(false)

  async function signOut() {
    setSigningOut(true)
    const { refreshToken, logout } = useUserStore.getState()
    try {
      if (refreshToken) await authService.logout(refreshToken)
    } catch {
      // the local session ends either way; the server token then simply expires
    } finally {
      logout('signedOut')
    }
  }

  return (
    <div className="app-shell">
      <header className="app-header">
        <Link to="/projects" className="app-header__brand">
          <Logo size={28} />
          <span className="brand-name">BharatBuild</span>
        </Link>
        <nav className="app-header__nav" aria-label="Main">
          <Link to="/projects">Projects</Link>
          <Link to="/tokens">Tokens</Link>
        </nav>
        <div className="app-header__user">
          {user && (
            <span className="app-header__email" title={user.email}>
              {user.name || user.email}
            </span>
          )}
          <Button variant="ghost" size="small" onClick={signOut} loading={signingOut}>
            Sign out
          </Button>
        </div>
      </header>
      <div className="app-content">
        <Outlet />
      </div>
    </div>
  )
}
