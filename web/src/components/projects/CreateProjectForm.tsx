import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { Alert } from '@/components/common/Alert'
import { Button } from '@/components/common/Button'
import { SelectField, TextField } from '@/components/common/Field'
import { useApiAction } from '@/hooks/useApiAction'
import { splitFormErrors } from '@/services/api/apiError'
import { lifecycleService } from '@/services/api/lifecycleService'
import { projectService } from '@/services/api/projectService'
import { useProjectStore } from '@/store/projectStore'
import type { Project, TemplateView } from '@/types/api'
import { PROJECT_TYPES, parseTechStack } from '@/types/project.types'

const FIELDS = ['name', 'description', 'type', 'techStack'] as const
const TYPE_OPTIONS = [
  { value: '', label: 'Not set' },
  ...PROJECT_TYPES.map((type) => ({ value: type, label: type })),
]

export function CreateProjectForm({ onCreated }: { onCreated?: (project: Project) => void }) {
  const upsertProject = useProjectStore((s) => s.upsertProject)
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [type, setType] = useState('')
  const [techStack, setTechStack] = useState('')
  const [templateId, setTemplateId] = useState('')
  const [templates, setTemplates] = useState<TemplateView[]>([])
  useEffect(() => {
    const controller = new AbortController()
    lifecycleService
      .templates(controller.signal)
      .then(setTemplates)
      .catch(() => undefined)
    return () => controller.abort()
  }, [])
  const create = useApiAction(projectService.create)
  const errors = splitFormErrors(create.error, FIELDS)

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const outcome = await create.run({
      name: name.trim(),
      description: description.trim() || undefined,
      type: type || undefined,
      techStack: parseTechStack(techStack),
      templateId: templateId || undefined,
    })
    if (outcome.ok) {
      const project = outcome.value
      upsertProject(project)
      setName('')
      setDescription('')
      setType('')
      setTechStack('')
      setTemplateId('')
      onCreated?.(project)
    }
  }

  return (
    <form className="card form" onSubmit={onSubmit} noValidate aria-labelledby="new-project-title">
      <h2 className="card__title" id="new-project-title">
        New project
      </h2>
      {errors.alert && <Alert title="Could not create the project">{errors.alert}</Alert>}
      <div className="form__row">
        <TextField
          label="Project name"
          name="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fields.name}
        />
        <SelectField
          label="Type"
          name="type"
          value={type}
          onChange={(e) => setType(e.target.value)}
          options={TYPE_OPTIONS}
          error={errors.fields.type}
        />
      </div>
      <SelectField
        label="Start from"
        name="templateId"
        value={templateId}
        onChange={(e) => setTemplateId(e.target.value)}
        options={[
          { value: '', label: 'An empty project' },
          ...templates.map((template) => ({ value: template.id, label: template.name })),
        ]}
      />
      <TextField
        label="Description"
        name="description"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={errors.fields.description}
      />
      <TextField
        label="Tech stack"
        name="techStack"
        hint="Comma-separated, e.g. React, Vite, TypeScript"
        value={techStack}
        onChange={(e) => setTechStack(e.target.value)}
        error={errors.fields.techStack}
      />
      <div className="form__actions">
        <Button type="submit" variant="primary" loading={create.pending}>
          Create project
        </Button>
      </div>
    </form>
  )
}
