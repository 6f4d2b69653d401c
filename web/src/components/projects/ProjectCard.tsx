import { Link } from 'react-router'
import { Badge } from '@/components/common/Badge'
import { Button } from '@/components/common/Button'
import type { Project } from '@/types/api'

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

export function ProjectCard({
  project,
  onDelete,
}: {
  project: Project
  onDelete: (project: Project) => void
}) {
  return (
    <li className="project-card">
      <div className="project-card__main">
        <Link className="project-card__name" to={`/projects/${project.id}`}>
          {project.name}
        </Link>
        {project.description && <p className="project-card__description">{project.description}</p>}
        <div className="project-card__meta">
          {project.type && <Badge tone="blue">{project.type}</Badge>}
          {project.techStack.map((tech) => (
            <Badge key={tech}>{tech}</Badge>
          ))}
          <time dateTime={project.createdAt} className="project-card__date">
            Created {dateFormat.format(new Date(project.createdAt))}
          </time>
        </div>
      </div>
      <Button
        variant="ghost"
        size="small"
        aria-label={`Delete project ${project.name}`}
        onClick={() => onDelete(project)}
      >
        Delete
      </Button>
    </li>
  )
}
