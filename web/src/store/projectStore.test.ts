import { beforeEach, describe, expect, it } from 'vitest'
import { initialProjectState, useProjectStore } from '@/store/projectStore'
import type { FileSummary, Project } from '@/types/api'

function project(id: string, createdAt: string): Project {
  return {
    id,
    name: id,
    description: null,
    type: null,
    techStack: [],
    status: 'active',
    createdAt,
    updatedAt: createdAt,
  }
}

function file(path: string, version = 1): FileSummary {
  return { path, language: 'text', size: 0, version, updatedAt: '2026-01-01T00:00:00Z' }
}

const store = () => useProjectStore.getState()

describe('projectStore', () => {
  beforeEach(() => store().reset())

  it('keeps projects newest first', () => {
    store().setProjects([
      project('old', '2026-01-01T00:00:00Z'),
      project('new', '2026-03-01T00:00:00Z'),
    ])
    store().upsertProject(project('mid', '2026-02-01T00:00:00Z'))

    expect(store().projects.map((p) => p.id)).toEqual(['new', 'mid', 'old'])
    expect(store().projectsLoaded).toBe(true)
  })

  it('replaces a project on upsert, also as the current project', () => {
    const original = project('a', '2026-01-01T00:00:00Z')
    store().setProjects([original])
    store().setCurrentProject(original)
    store().upsertProject({ ...original, name: 'Renamed' })

    expect(store().projects).toHaveLength(1)
    expect(store().projects[0]?.name).toBe('Renamed')
    expect(store().currentProject?.name).toBe('Renamed')
  })

  it('removing the current project clears its files and selection', () => {
    const current = project('a', '2026-01-01T00:00:00Z')
    store().setProjects([current, project('b', '2026-01-02T00:00:00Z')])
    store().setCurrentProject(current)
    store().updateFiles([file('a.ts')])
    store().selectFile('a.ts')

    store().removeProject('a')

    expect(store().projects.map((p) => p.id)).toEqual(['b'])
    expect(store()).toMatchObject({ currentProject: null, files: [], selectedFile: null })
  })

  it('switching projects drops the previous files', () => {
    store().setCurrentProject(project('a', '2026-01-01T00:00:00Z'))
    store().updateFiles([file('a.ts')])
    store().selectFile('a.ts')
    store().setCurrentProject(project('b', '2026-01-01T00:00:00Z'))

    expect(store()).toMatchObject({ files: [], selectedFile: null })
  })

  it('keeps files sorted by path through upserts and removals', () => {
    store().updateFiles([file('src/b.ts'), file('README.md')])
    store().upsertFile(file('src/a.ts'))
    store().upsertFile(file('src/b.ts', 2))
    store().selectFile('src/b.ts')

    expect(store().files.map((f) => `${f.path}@${f.version}`)).toEqual(
      ['README.md', 'src/a.ts', 'src/b.ts@2'].map((p) => (p.includes('@') ? p : `${p}@1`)),
    )

    store().removeFile('src/b.ts')
    expect(store().files.map((f) => f.path)).toEqual(['README.md', 'src/a.ts'])
    expect(store().selectedFile).toBeNull()
  })

  it('a reveal request opens the file and is cleared once shown', () => {
    store().updateFiles([file('src/App.tsx')])
    store().revealAt('src/App.tsx', 12)

    expect(store()).toMatchObject({
      selectedFile: 'src/App.tsx',
      revealLine: { path: 'src/App.tsx', line: 12 },
    })
    store().clearReveal()
    expect(store().revealLine).toBeNull()
  })

  it('reset returns to the initial state', () => {
    store().setProjects([project('a', '2026-01-01T00:00:00Z')])
    store().reset()
    expect(store()).toMatchObject(initialProjectState)
  })
})
