import { lazy, Suspense } from 'react'
import { Spinner } from '@/components/common/Spinner'
import type { CodeEditorProps } from '@/components/editor/CodeEditor'

const CodeEditor = lazy(() => import('@/components/editor/CodeEditor'))

/** The Monaco editor, fetched on first use so pages without an editor do not load Monaco. */
export function LazyCodeEditor(props: CodeEditorProps) {
  return (
    <Suspense fallback={<Spinner label="Loading the editor" />}>
      <CodeEditor {...props} />
    </Suspense>
  )
}
