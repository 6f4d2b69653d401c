import type { FileSummary } from '@/types/api'

export interface FileListProps {
  files: FileSummary[]
  selectedPath: string | null
  onSelect: (path: string) => void
  /** Files the latest AI reply changed, marked in the list. */
  changedByAi?: Set<string>
}

/** The project's files as a flat, path-sorted list (the tree comes with the full workbench). */
export function FileList({ files, selectedPath, onSelect, changedByAi }: FileListProps) {
  if (files.length === 0) return <p className="file-list__empty">No files yet.</p>
  return (
    <ul className="file-list" aria-label="Project files">
      {files.map((file) => (
        <li key={file.path}>
          <button
            type="button"
            className="file-list__item"
            aria-current={file.path === selectedPath ? 'true' : undefined}
            title={`${file.path} · ${file.size} bytes · version ${file.version}`}
            onClick={() => onSelect(file.path)}
          >
            {file.path}
            {changedByAi?.has(file.path) && (
              <span className="file-list__ai" title="Changed by the AI's latest reply">
                AI
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  )
}
