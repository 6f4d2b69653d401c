import { api } from '@/services/api/client'
import type { Project, ProjectRequest } from '@/types/api'

export const projectService = {
  /** The user's projects, newest first. */
  list(signal?: AbortSignal): Promise<Project[]> {
    return api.get('/api/v1/projects', { signal })
  },

  get(id: string, signal?: AbortSignal): Promise<Project> {
    return api.get('/api/v1/projects/{id}', { params: { id }, signal })
  },

  create(request: ProjectRequest): Promise<Project> {
    return api.post('/api/v1/projects', { body: request })
  },

  update(id: string, request: ProjectRequest): Promise<Project> {
    return api.put('/api/v1/projects/{id}', { params: { id }, body: request })
  },

  remove(id: string): Promise<void> {
    return api.delete('/api/v1/projects/{id}', { params: { id } })
  },
}
