import Editor, { type OnMount } from '@monaco-editor/react'
import { useEffect, useRef, useState } from 'react'
import { Spinner } from '@/components/common/Spinner'
import { monaco, monacoLanguage } from '@/components/editor/monacoSetup'

type StandaloneEditor = Parameters<OnMount>[0]

export interface CodeEditorProps {
  /** The file's path in the project; the model's name, so .tsx files get JSX. */
  path: string
  /**
   * The text. The editor owns it while the user types (a controlled value would lag behind fast
   * typing and drop keys); it is written into the editor when `revision` changes.
   */
  value: string
  /** Bumped by the owner when `value` was replaced from outside (a reload). */
  revision?: number
  /** The server's language name for the file. */
  language: string
  onChange: (value: string) => void
  readOnly?: boolean
  /** A line to bring into view and select, once; `onRevealed` then clears it. */
  revealLine?: number | null
  onRevealed?: () => void
}

/** Monaco for one file. Loaded lazily (see LazyCodeEditor), with Monaco from the bundle. */
export default function CodeEditor({
  path,
  value,
  revision = 0,
  language,
  onChange,
  readOnly = false,
  revealLine = null,
  onRevealed,
}: CodeEditorProps) {
  const [editor, setEditor] = useState<StandaloneEditor | null>(null)
  const applied = useRef(revision)

  // a reload replaced the text: put it into the editor as one undoable edit
  useEffect(() => {
    if (!editor || applied.current === revision) return
    applied.current = revision
    const model = editor.getModel()
    if (!model || model.getValue() === value) return
    editor.pushUndoStop()
    editor.executeEdits('reload', [{ range: model.getFullModelRange(), text: value }])
    editor.pushUndoStop()
  }, [editor, revision, value])

  useEffect(() => {
    if (!editor || revealLine === null) return
    const model = editor.getModel()
    if (!model) return
    const line = Math.min(Math.max(1, revealLine), model.getLineCount())
    editor.revealLineInCenter(line)
    editor.setSelection(new monaco.Range(line, 1, line, model.getLineMaxColumn(line)))
    editor.focus()
    onRevealed?.()
  }, [editor, revealLine, onRevealed])

  return (
    <div className="editor__monaco" data-language={language}>
      <Editor
        height="100%"
        theme="vs-dark"
        path={`file:///${path}`}
        language={monacoLanguage(language)}
        defaultValue={value}
        onChange={(next) => onChange(next ?? '')}
        onMount={(mounted) => {
          // a model left under this path (another project's file) is not this file's text
          const model = mounted.getModel()
          if (model && model.getValue() !== value) model.setValue(value)
          setEditor(mounted)
        }}
        loading={<Spinner label="Loading the editor" />}
        options={{
          ariaLabel: 'File content',
          readOnly,
          automaticLayout: true,
          minimap: { enabled: false },
          fontSize: 14,
          tabSize: 2,
          scrollBeyondLastLine: false,
          wordWrap: 'off',
        }}
      />
    </div>
  )
}
