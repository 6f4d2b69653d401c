import { loader } from '@monaco-editor/react'
import * as monaco from 'monaco-editor'
import EditorWorker from 'monaco-editor/editor/editor.worker?worker'
import CssWorker from 'monaco-editor/language/css/css.worker?worker'
import HtmlWorker from 'monaco-editor/language/html/html.worker?worker'
import JsonWorker from 'monaco-editor/language/json/json.worker?worker'
import TsWorker from 'monaco-editor/language/typescript/ts.worker?worker'

/**
 * Monaco from the bundle, never from a CDN: @monaco-editor/react is handed the imported module,
 * and the language workers are Vite-built worker chunks. Imported only by the lazily loaded
 * editor modules, so the login page does not download Monaco.
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json') return new JsonWorker()
    if (label === 'css' || label === 'scss' || label === 'less') return new CssWorker()
    if (label === 'html' || label === 'handlebars' || label === 'razor') return new HtmlWorker()
    if (label === 'typescript' || label === 'javascript') return new TsWorker()
    return new EditorWorker()
  },
}

// A project's imports cannot be resolved in the browser: keep syntax errors, drop the noise of
// "cannot find module"; .tsx/.jsx files (the model path keeps the extension) allow JSX.
for (const defaults of [
  monaco.typescript.typescriptDefaults,
  monaco.typescript.javascriptDefaults,
]) {
  defaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false })
  defaults.setCompilerOptions({
    ...defaults.getCompilerOptions(),
    jsx: monaco.typescript.JsxEmit.ReactJSX,
    allowJs: true,
    allowNonTsExtensions: true,
    target: monaco.typescript.ScriptTarget.ES2020,
  })
}

loader.config({ monaco })
// as the CDN build does: the page's Monaco at `window.monaco` (the browser tests read the models)
;(globalThis as { monaco?: typeof monaco }).monaco = monaco

export { monaco }

/** The server's `language` names are Monaco's, except a few it does not know. */
export function monacoLanguage(language: string | undefined): string {
  if (!language) return 'plaintext'
  const known = monaco.languages.getLanguages().some((l) => l.id === language)
  return known ? language : 'plaintext'
}
