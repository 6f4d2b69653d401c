import { fileService } from '@/services/api/fileService'
import { useProjectStore } from '@/store/projectStore'
import type { BuildProblem } from '@/types/api'

const CONTEXT_LINES = 10

/** The request "Ask AI to fix" sends: the problem and the lines around it. */
export async function fixRequest(projectId: string, problem: BuildProblem): Promise<string> {
  let excerpt = ''
  try {
    const file = await fileService.read(projectId, problem.file)
    const lines = file.content.split('\n')
    const from = Math.max(0, problem.line - 1 - CONTEXT_LINES)
    const to = Math.min(lines.length, problem.line + CONTEXT_LINES)
    excerpt = lines
      .slice(from, to)
      .map((text, index) => `${from + index + 1}: ${text}`)
      .join('\n')
  } catch {
    // the file may be outside the project's text files; the message alone still helps
  }
  const where = `${problem.file}:${problem.line}${problem.column ? `:${problem.column}` : ''}`
  return [
    `Fix this ${problem.severity} reported by ${problem.source} at ${where}:`,
    '',
    problem.message,
    ...(excerpt ? ['', `Lines around it in ${problem.file}:`, '```', excerpt, '```'] : []),
  ].join('\n')
}

export function ProblemsList({
  projectId,
  problems,
  onAskAi,
}: {
  projectId: string
  problems: BuildProblem[]
  onAskAi?: (text: string) => void
}) {
  if (problems.length === 0) {
    return <p className="problems__empty">No problems in the latest run's output.</p>
  }
  return (
    <ul className="problems" aria-label="Problems">
      {problems.map((problem) => (
        <li
          key={`${problem.file}:${problem.line}:${problem.column}:${problem.message}`}
          className={`problems__item problems__item--${problem.severity}`}
        >
          <button
            type="button"
            className="problems__location"
            onClick={() => useProjectStore.getState().revealAt(problem.file, problem.line)}
          >
            {problem.file}:{problem.line}
            {problem.column ? `:${problem.column}` : ''}
          </button>
          <span className="problems__message">
            {problem.message} <span className="problems__source">({problem.source})</span>
          </span>
          {onAskAi && (
            <button
              type="button"
              className="problems__ask"
              onClick={() => void fixRequest(projectId, problem).then(onAskAi)}
            >
              Ask AI to fix
            </button>
          )}
        </li>
      ))}
    </ul>
  )
}
