import { api } from '@/services/api/client'
import type { BuildProblem, PreviewView, RunRequest, RunView, TicketView } from '@/types/api'

const RUNS = '/api/v1/projects/{projectId}/runs' as const
const RUN = '/api/v1/projects/{projectId}/runs/{runId}' as const

/** Commands in the project's sandbox, their output and problems, the terminal and the preview. */
export const executionService = {
  start(projectId: string, request: RunRequest): Promise<RunView> {
    return api.post(RUNS, { params: { projectId }, body: request })
  },

  list(projectId: string, signal?: AbortSignal): Promise<RunView[]> {
    return api.get(RUNS, { params: { projectId }, signal })
  },

  async log(projectId: string, runId: string, signal?: AbortSignal): Promise<string> {
    const text = await api.get<string | undefined>(
      '/api/v1/projects/{projectId}/runs/{runId}/log',
      {
        params: { projectId, runId },
        headers: { Accept: 'text/plain' },
        signal,
      },
    )
    return text ?? ''
  },

  stop(projectId: string, runId: string): Promise<RunView> {
    return api.delete(RUN, { params: { projectId, runId } })
  },

  problems(projectId: string, signal?: AbortSignal): Promise<BuildProblem[]> {
    return api.get('/api/v1/projects/{projectId}/problems', { params: { projectId }, signal })
  },

  terminalTicket(projectId: string): Promise<TicketView> {
    return api.post('/api/v1/projects/{projectId}/terminal/ticket', { params: { projectId } })
  },

  eventsTicket(projectId: string): Promise<{ ticket: string }> {
    return api.post('/api/v1/projects/{projectId}/events/ticket', { params: { projectId } })
  },

  openPreview(projectId: string): Promise<PreviewView> {
    return api.post('/api/v1/projects/{projectId}/preview', { params: { projectId } })
  },
}
