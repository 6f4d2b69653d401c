import { useState } from 'react'
import { Alert } from '@/components/common/Alert'
import { Button } from '@/components/common/Button'
import { ConfirmDialog } from '@/components/common/ConfirmDialog'
import { EmptyState } from '@/components/common/EmptyState'
import { Spinner } from '@/components/common/Spinner'
import { CreateProjectForm } from '@/components/projects/CreateProjectForm'
import { ImportProjectForm } from '@/components/projects/ImportProjectForm'
import { ProjectCard } from '@/components/projects/ProjectCard'
import { useApiAction } from '@/hooks/useApiAction'
import { useDocumentTitle } from '@/hooks/useDocumentTitle'
import { useProjects } from '@/hooks/useProjects'
import { errorMessage } from '@/services/api/apiError'
import { projectService } from '@/services/api/projectService'
import { useProjectStore } from '@/store/projectStore'
import type { Project } from '@/types/api'

export function ProjectListPage() {
  useDocumentTitle('Projects')
  const { projects, loaded, loading, error, reload } = useProjects()
  const removeProject = useProjectStore((s) => s.removeProject)
  const [toDelete, setToDelete] = useState<Project | null>(null)
  const remove = useApiAction(projectService.remove)

  async function confirmDelete() {
    if (!toDelete) return
    const id = toDelete.id
    const outcome = await remove.run(id)
    if (outcome.ok) removeProject(id)
    setToDelete(null)
  }

  return (
    <main className="page">
      <h1 className="page__title">Projects</h1>
      <div className="projects-layout">
        <div className="stack">
          <CreateProjectForm />
          <ImportProjectForm />
        </div>
        <section className="projects-list" aria-labelledby="your-projects">
          <h2 className="section-title" id="your-projects">
            Your projects
          </h2>
          {error !== null && (
            <Alert
              title="Could not load your projects"
              actions={
                <Button size="small" onClick={reload}>
                  Try again
                </Button>
              }
            >
              {errorMessage(error)}
            </Alert>
          )}
          {remove.error !== null && (
            <Alert title="Could not delete the project">{errorMessage(remove.error)}</Alert>
          )}
          {!loaded && loading && <Spinner label="Loading projects" />}
          {loaded && projects.length === 0 && (
            <EmptyState title="No projects yet">
              Create your first project with the form, then open it to add files.
            </EmptyState>
          )}
          {projects.length > 0 && (
            <ul className="project-list" aria-label="Projects">
              {projects.map((project) => (
                <ProjectCard key={project.id} project={project} onDelete={setToDelete} />
              ))}
            </ul>
          )}
        </section>
      </div>
      {toDelete && (
        <ConfirmDialog
          title={`Delete project ${toDelete.name}?`}
          confirmLabel="Delete project"
          danger
          busy={remove.pending}
          onConfirm={confirmDelete}
          onCancel={() => setToDelete(null)}
        >
          Its files go with it. This cannot be undone.
        </ConfirmDialog>
      )}
    </main>
  )
}
