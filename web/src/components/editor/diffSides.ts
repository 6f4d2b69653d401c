/** The two sides a diff view compares. */
export interface DiffSides {
  original: string
  modified: string
}

/**
 * The before/after text of a file operation: its own `before`/`after` content when it carries
 * them, else the lines its unified-diff patch shows (context and removed lines on the left,
 * context and added lines on the right; separate hunks are parted by a "⋯" line).
 * Null when there is neither, or the patch has no hunk.
 */
export function diffSides(operation: { patch?: string | null } & object): DiffSides | null {
  const carried = operation as { before?: unknown; after?: unknown }
  if (typeof carried.before === 'string' && typeof carried.after === 'string') {
    return { original: carried.before, modified: carried.after }
  }
  return operation.patch ? sidesFromPatch(operation.patch) : null
}

export function sidesFromPatch(patch: string): DiffSides | null {
  const original: string[] = []
  const modified: string[] = []
  let hunks = 0
  for (const line of patch.split('\n')) {
    if (line.startsWith('@@')) {
      if (hunks > 0) {
        original.push('⋯')
        modified.push('⋯')
      }
      hunks++
      continue
    }
    if (hunks === 0 || line.startsWith('\\')) continue
    const mark = line[0]
    const text = line.slice(1)
    if (mark === '-') original.push(text)
    else if (mark === '+') modified.push(text)
    else if (mark === ' ' || line === '') {
      original.push(text)
      modified.push(text)
    }
  }
  if (hunks === 0) return null
  // a patch ends with a newline: its last, empty "line" is no context line
  while (original.at(-1) === '' && modified.at(-1) === '') {
    original.pop()
    modified.pop()
  }
  // an empty side is still one empty line to the diff view, which would show a created file as
  // "line 1 replaced"; a shared empty last line makes it a pure insertion (or deletion)
  if (original.length === 0 && modified.length > 0) modified.push('')
  if (modified.length === 0 && original.length > 0) original.push('')
  return { original: original.join('\n'), modified: modified.join('\n') }
}

const EXTENSIONS: Record<string, string> = {
  ts: 'typescript',
  tsx: 'typescript',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  json: 'json',
  css: 'css',
  scss: 'scss',
  html: 'html',
  md: 'markdown',
  py: 'python',
  java: 'java',
  yml: 'yaml',
  yaml: 'yaml',
}

/** The language of a path by its extension, for operations that do not say it. */
export function languageOf(path: string): string {
  const extension = path.slice(path.lastIndexOf('.') + 1).toLowerCase()
  return EXTENSIONS[extension] ?? 'plaintext'
}
