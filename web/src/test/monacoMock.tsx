import { vi } from 'vitest'

// Monaco cannot run in jsdom (no layout, no workers). Unit tests swap it at the module boundary:
// the editor becomes a textarea with the same aria-label, the diff editor two read-only panes.
// The browser tests cover the real Monaco.
vi.mock('@/components/editor/monacoSetup', () => ({
  monaco: {
    Range: class {
      constructor(
        public startLineNumber: number,
        public startColumn: number,
        public endLineNumber: number,
        public endColumn: number,
      ) {}
    },
  },
  monacoLanguage: (language: string | undefined) => language ?? 'plaintext',
}))

vi.mock('@monaco-editor/react', () => {
  interface EditorProps {
    value?: string
    defaultValue?: string
    language?: string
    onChange?: (value: string | undefined) => void
    onMount?: (editor: unknown) => void
    options?: { ariaLabel?: string; readOnly?: boolean }
  }
  interface DiffProps {
    original?: string
    modified?: string
    options?: { originalAriaLabel?: string; modifiedAriaLabel?: string }
  }
  function Editor({ value, defaultValue, language, onChange, onMount, options }: EditorProps) {
    return (
      <textarea
        aria-label={options?.ariaLabel ?? 'Editor'}
        data-language={language}
        readOnly={options?.readOnly}
        {...(value !== undefined ? { value } : { defaultValue })}
        onChange={(e) => onChange?.(e.target.value)}
        ref={(node) => {
          if (node && onMount && !node.dataset.mounted) {
            node.dataset.mounted = 'true'
            onMount(fakeEditor(node))
          }
        }}
      />
    )
  }
  function DiffEditor({ original, modified, options }: DiffProps) {
    return (
      <div data-testid="diff-editor">
        <pre aria-label={options?.originalAriaLabel ?? 'Original'}>{original}</pre>
        <pre aria-label={options?.modifiedAriaLabel ?? 'Modified'}>{modified}</pre>
      </div>
    )
  }
  /** Just enough of a standalone editor for CodeEditor: reloads and reveal-line requests. */
  function fakeEditor(node: HTMLTextAreaElement) {
    return {
      pushUndoStop: () => undefined,
      executeEdits: (_source: string, edits: { text: string }[]) => {
        node.value = edits[0]?.text ?? node.value
      },
      getModel: () => ({
        getValue: () => node.value,
        setValue: (text: string) => {
          node.value = text
        },
        getFullModelRange: () => ({}),
        getLineCount: () => node.value.split('\n').length,
        getLineMaxColumn: (line: number) => (node.value.split('\n')[line - 1] ?? '').length + 1,
      }),
      revealLineInCenter: (line: number) => {
        node.dataset.revealedLine = String(line)
      },
      setSelection: (range: { startLineNumber: number }) => {
        node.dataset.selectedLine = String(range.startLineNumber)
      },
      focus: () => node.focus(),
    }
  }
  return { default: Editor, Editor, DiffEditor, loader: { config: () => undefined } }
})
