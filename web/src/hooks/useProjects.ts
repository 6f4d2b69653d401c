import { useCallback, useEffect, useState } from 'react'
import { projectService } from '@/services/api/projectService'
import { useProjectStore } from '@/store/projectStore'

/** Loads the user's projects into `projectStore`; `reload` fetches them again. */
export function useProjects() {
  const projects = useProjectStore((s) => s.projects)
  const loaded = useProjectStore((s) => s.projectsLoaded)
  const setProjects = useProjectStore((s) => s.setProjects)
  const [error, setError] = useState<unknown>(null)
  const [loading, setLoading] = useState(false)

  const load = useCallback(
    async (signal?: AbortSignal) => {
      setLoading(true)
      setError(null)
      try {
        setProjects(await projectService.list(signal))
      } catch (caught) {
        if (!signal?.aborted) setError(caught)
      } finally {
        if (!signal?.aborted) setLoading(false)
      }
    },
    [setProjects],
  )

  useEffect(() => {
    const controller = new AbortController()
    void load(controller.signal)
    return () => controller.abort()
  }, [load])

  return { projects, loaded, loading, error, reload: () => load() }
}
