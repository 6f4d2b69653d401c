import { lazy, Suspense } from 'react'
import { Spinner } from '@/components/common/Spinner'
import type { DiffViewProps } from '@/components/editor/DiffView'

const DiffView = lazy(() => import('@/components/editor/DiffView'))

/** The Monaco diff view, fetched on first use. */
export function LazyDiffView(props: DiffViewProps) {
  return (
    <Suspense fallback={<Spinner label="Loading the diff" />}>
      <DiffView {...props} />
    </Suspense>
  )
}
