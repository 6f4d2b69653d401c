import { useState } from 'react'
import type { FormEvent } from 'react'
import { Link, Navigate, useLocation, useNavigate } from 'react-router'
import { Alert } from '@/components/common/Alert'
import { Button } from '@/components/common/Button'
import { TextField } from '@/components/common/Field'
import { AuthLayout } from '@/components/auth/AuthLayout'
import { redirectTarget } from '@/components/auth/RequireAuth'
import { useApiAction } from '@/hooks/useApiAction'
import { useDocumentTitle } from '@/hooks/useDocumentTitle'
import { splitFormErrors } from '@/services/api/apiError'
import { authService } from '@/services/api/authService'
import { selectIsAuthenticated, useUserStore } from '@/store/userStore'

const FIELDS = ['email', 'password'] as const

export function LoginPage() {
  useDocumentTitle('Sign in')
  const navigate = useNavigate()
  const location = useLocation()
  const authenticated = useUserStore(selectIsAuthenticated)
  const logoutReason = useUserStore((s) => s.logoutReason)
  const setSession = useUserStore((s) => s.setSession)
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const login = useApiAction(authService.login)
  const errors = splitFormErrors(login.error, FIELDS)

  if (authenticated && !login.pending)
    return <Navigate to={redirectTarget(location.state)} replace />

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const outcome = await login.run({ email: email.trim(), password })
    if (outcome.ok) {
      const auth = outcome.value
      setSession(auth)
      navigate(redirectTarget(location.state), { replace: true })
    }
  }

  return (
    <AuthLayout title="Sign in to BharatBuild" subtitle="Build apps by describing them.">
      {logoutReason === 'expired' && !login.error && (
        <Alert kind="info">Your session has expired. Please sign in again.</Alert>
      )}
      {errors.alert && <Alert title="Sign-in failed">{errors.alert}</Alert>}
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fields.email}
        />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
        />
        <Button type="submit" variant="primary" loading={login.pending} className="button--block">
          Sign in
        </Button>
      </form>
      <p className="auth-card__switch">
        New to BharatBuild? <Link to="/register">Create an account</Link>
      </p>
    </AuthLayout>
  )
}
