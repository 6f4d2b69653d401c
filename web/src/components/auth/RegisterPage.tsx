import { useState } from 'react'
import type { FormEvent } from 'react'
import { Link, Navigate, useNavigate } from 'react-router'
import { Alert } from '@/components/common/Alert'
import { Button } from '@/components/common/Button'
import { TextField } from '@/components/common/Field'
import { AuthLayout } from '@/components/auth/AuthLayout'
import { useApiAction } from '@/hooks/useApiAction'
import { useDocumentTitle } from '@/hooks/useDocumentTitle'
import { splitFormErrors } from '@/services/api/apiError'
import { authService } from '@/services/api/authService'
import { selectIsAuthenticated, useUserStore } from '@/store/userStore'

const FIELDS = ['name', 'email', 'password'] as const

export function RegisterPage() {
  useDocumentTitle('Create account')
  const navigate = useNavigate()
  const authenticated = useUserStore(selectIsAuthenticated)
  const setSession = useUserStore((s) => s.setSession)
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const register = useApiAction(authService.register)
  const errors = splitFormErrors(register.error, FIELDS)

  if (authenticated && !register.pending) return <Navigate to="/projects" replace />

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const outcome = await register.run({
      email: email.trim(),
      password,
      name: name.trim() || undefined,
    })
    if (outcome.ok) {
      const auth = outcome.value
      setSession(auth)
      navigate('/projects', { replace: true })
    }
  }

  return (
    <AuthLayout title="Create your account" subtitle="Start building with AI in seconds.">
      {errors.alert && <Alert title="Could not create the account">{errors.alert}</Alert>}
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          hint="Optional"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
        />
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
          autoComplete="new-password"
          required
          hint="At least 8 characters"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fields.password}
        />
        <Button
          type="submit"
          variant="primary"
          loading={register.pending}
          className="button--block"
        >
          Create account
        </Button>
      </form>
      <p className="auth-card__switch">
        Already have an account? <Link to="/login">Sign in</Link>
      </p>
    </AuthLayout>
  )
}
