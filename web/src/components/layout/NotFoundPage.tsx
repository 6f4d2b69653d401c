import { Link } from 'react-router'
import { EmptyState } from '@/components/common/EmptyState'

export function NotFoundPage() {
  return (
    <main className="page page--narrow">
      <EmptyState title="Page not found">
        <Link to="/projects">Go to your projects</Link>
      </EmptyState>
    </main>
  )
}
