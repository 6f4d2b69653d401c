import { useCallback, useEffect, useState } from 'react'
import { fileService } from '@/services/api/fileService'
import { projectService } from '@/services/api/projectService'
import { useProjectStore } from '@/store/projectStore'

/** Opens one project: loads it and its file list into `projectStore`. */
export function useProject(projectId: string) {
  const project = useProjectStore((s) =>
    s.currentProject?.id === projectId ? s.currentProject : null,
  )
  const files = useProjectStore((s) => s.files)
  const setCurrentProject = useProjectStore((s) => s.setCurrentProject)
  const updateFiles = useProjectStore((s) => s.updateFiles)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(true)

  const load = useCallback(
    async (signal?: AbortSignal) => {
      setLoading(true)
      setError(null)
      try {
        const [loaded, list] = await Promise.all([
          projectService.get(projectId, signal),
          fileService.list(projectId, signal),
        ])
        setCurrentProject(loaded)
        updateFiles(list)
      } catch (caught) {
        if (!signal?.aborted) setError(caught)
      } finally {
        if (!signal?.aborted) setLoading(false)
      }
    },
    [projectId, setCurrentProject, updateFiles],
  )

  useEffect(() => {
    const controller = new AbortController()
    void load(controller.signal)
    return () => controller.abort()
  }, [load])

  return { project, files, loading, error, reload: () => load() }
}
