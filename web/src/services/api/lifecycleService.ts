import { api } from '@/services/api/client'
import type { CommitView, Project, PushRequest, PushView, TemplateView } from '@/types/api'

/** Templates, importing and exporting projects, and their history. */
export const lifecycleService = {
  templates(signal?: AbortSignal): Promise<TemplateView[]> {
    return api.get('/api/v1/templates', { signal })
  },

  importZip(file: File, name?: string): Promise<Project> {
    const form = new FormData()
    form.append('file', file)
    return api.post('/api/v1/projects/import', {
      body: form,
      query: name ? { name } : undefined,
    })
  },

  /** The project as a zip, fetched with the session (a plain link would carry no token). */
  async exportZip(projectId: string): Promise<Blob> {
    const response = await api.open('GET', '/api/v1/projects/{projectId}/export', {
      params: { projectId },
      headers: { Accept: 'application/zip' },
    })
    return response.blob()
  },

  commits(projectId: string, signal?: AbortSignal): Promise<CommitView[]> {
    return api.get('/api/v1/projects/{projectId}/commits', { params: { projectId }, signal })
  },

  /** Pushes the history to a git remote; the token goes with this call only. */
  push(projectId: string, request: PushRequest): Promise<PushView> {
    return api.post('/api/v1/projects/{projectId}/push', { params: { projectId }, body: request })
  },

  async diff(projectId: string, commitId: string, signal?: AbortSignal): Promise<string> {
    const text = await api.get<string | undefined>(
      '/api/v1/projects/{projectId}/commits/{commitId}/diff',
      { params: { projectId, commitId }, headers: { Accept: 'text/plain' }, signal },
    )
    return text ?? ''
  },
}
