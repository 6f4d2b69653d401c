import { api } from '@/services/api/client'
import type { AuthResponse, LoginRequest, LogoutRequest, RegisterRequest, User } from '@/types/api'

export const authService = {
  register(request: RegisterRequest): Promise<AuthResponse> {
    return api.post('/api/v1/auth/register', { body: request, auth: false })
  },

  login(request: LoginRequest): Promise<AuthResponse> {
    return api.post('/api/v1/auth/login', { body: request, auth: false })
  },

  /** Revokes the refresh token on the server. */
  logout(refreshToken: string): Promise<void> {
    const body: LogoutRequest = { refreshToken }
    return api.post('/api/v1/auth/logout', { body })
  },

  me(): Promise<User> {
    return api.get('/api/v1/auth/me')
  },
}
