import type { ReactNode } from 'react'
import { Logo } from '@/components/common/Logo'

export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string
  subtitle?: string
  children: ReactNode
}) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <div className="auth-card__brand">
          <Logo size={48} />
          <span className="brand-name">BharatBuild</span>
        </div>
        <h1 className="auth-card__title">{title}</h1>
        {subtitle && <p className="auth-card__subtitle">{subtitle}</p>}
        {children}
      </div>
    </main>
  )
}
