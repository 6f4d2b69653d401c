import { DiffEditor } from '@monaco-editor/react'
import { Spinner } from '@/components/common/Spinner'
import { languageOf } from '@/components/editor/diffSides'
import { monacoLanguage } from '@/components/editor/monacoSetup'

export interface DiffViewProps {
  /** The file's path: names the models (so .tsx gets JSX) and the panes. */
  path: string
  original: string
  modified: string
  language?: string
  /** Tells the models of several views of one file apart. */
  id?: string
}

/** Monaco's diff editor, read-only; it switches to the inline view when it is narrow. */
export default function DiffView({ path, original, modified, language, id = '' }: DiffViewProps) {
  return (
    <div className="diff-view">
      <DiffEditor
        height="100%"
        theme="vs-dark"
        original={original}
        modified={modified}
        language={monacoLanguage(language ?? languageOf(path))}
        originalModelPath={`diff:///${id}/original/${path}`}
        modifiedModelPath={`diff:///${id}/modified/${path}`}
        loading={<Spinner label="Loading the diff" />}
        options={{
          readOnly: true,
          originalEditable: false,
          renderSideBySide: true,
          useInlineViewWhenSpaceIsLimited: true,
          renderSideBySideInlineBreakpoint: 700,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          renderOverviewRuler: false,
          fontSize: 13,
          originalAriaLabel: `${path} before`,
          modifiedAriaLabel: `${path} after`,
        }}
      />
    </div>
  )
}
