import { api } from '@/services/api/client'
import type { CreateFileRequest, FileSummary, FileView, WriteFileRequest } from '@/types/api'

const FILES = '/api/v1/projects/{projectId}/files' as const

export const fileService = {
  /** The project's files without content, sorted by path. */
  list(projectId: string, signal?: AbortSignal): Promise<FileSummary[]> {
    return api.get(FILES, { params: { projectId }, signal })
  },

  read(projectId: string, path: string, signal?: AbortSignal): Promise<FileView> {
    return api.get(FILES, { params: { projectId }, query: { path }, signal })
  },

  /** Creates a new file; 409 when the path exists. */
  create(projectId: string, request: CreateFileRequest): Promise<FileView> {
    return api.post(FILES, { params: { projectId }, body: request })
  },

  /** Writes a file (creating it if absent); 409 when `expectedVersion` is stale. */
  write(projectId: string, request: WriteFileRequest): Promise<FileView> {
    return api.put(FILES, { params: { projectId }, body: request })
  },

  /** Moves a file; 409 when the new path is taken, 404 when the file is gone. */
  rename(projectId: string, from: string, to: string): Promise<FileView> {
    return api.post('/api/v1/projects/{projectId}/files/rename', {
      params: { projectId },
      body: { from, to },
    })
  },

  remove(projectId: string, path: string): Promise<void> {
    return api.delete(FILES, { params: { projectId }, query: { path } })
  },
}
