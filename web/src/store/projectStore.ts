import { create } from 'zustand'
import type { FileSummary, Project } from '@/types/api'

export interface ProjectState {
  /** The user's projects, newest first. */
  projects: Project[]
  projectsLoaded: boolean
  currentProject: Project | null
  /** The current project's files, sorted by path. */
  files: FileSummary[]
  selectedFile: string | null
  /** A line to show in the editor (from the Problems list); the editor clears it once shown. */
  revealLine: { path: string; line: number } | null
}

export interface ProjectActions {
  setProjects: (projects: Project[]) => void
  /** Adds or replaces one project (after create or update). */
  upsertProject: (project: Project) => void
  removeProject: (id: string) => void
  setCurrentProject: (project: Project | null) => void
  updateFiles: (files: FileSummary[]) => void
  upsertFile: (file: FileSummary) => void
  removeFile: (path: string) => void
  selectFile: (path: string | null) => void
  /** Opens `path` in the editor with `line` in view and selected. */
  revealAt: (path: string, line: number) => void
  clearReveal: () => void
  reset: () => void
}

export type ProjectStore = ProjectState & ProjectActions

export const initialProjectState: ProjectState = {
  projects: [],
  projectsLoaded: false,
  currentProject: null,
  files: [],
  selectedFile: null,
  revealLine: null,
}

const newestFirst = (a: Project, b: Project) => b.createdAt.localeCompare(a.createdAt)
const byPath = (a: FileSummary, b: FileSummary) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)

export const useProjectStore = create<ProjectStore>()((set) => ({
  ...initialProjectState,
  setProjects: (projects) =>
    set({ projects: [...projects].sort(newestFirst), projectsLoaded: true }),
  upsertProject: (project) =>
    set((state) => ({
      projects: [...state.projects.filter((p) => p.id !== project.id), project].sort(newestFirst),
      currentProject: state.currentProject?.id === project.id ? project : state.currentProject,
    })),
  removeProject: (id) =>
    set((state) => {
      const current = state.currentProject?.id === id
      return {
        projects: state.projects.filter((p) => p.id !== id),
        ...(current ? { currentProject: null, files: [], selectedFile: null } : {}),
      }
    }),
  setCurrentProject: (project) =>
    set((state) =>
      state.currentProject?.id === project?.id
        ? { currentProject: project }
        : { currentProject: project, files: [], selectedFile: null },
    ),
  updateFiles: (files) =>
    set((state) => {
      const sorted = [...files].sort(byPath)
      const keep = sorted.some((f) => f.path === state.selectedFile)
      return { files: sorted, selectedFile: keep ? state.selectedFile : null }
    }),
  upsertFile: (file) =>
    set((state) => ({
      files: [...state.files.filter((f) => f.path !== file.path), file].sort(byPath),
    })),
  removeFile: (path) =>
    set((state) => ({
      files: state.files.filter((f) => f.path !== path),
      selectedFile: state.selectedFile === path ? null : state.selectedFile,
    })),
  selectFile: (path) => set({ selectedFile: path }),
  revealAt: (path, line) => set({ selectedFile: path, revealLine: { path, line } }),
  clearReveal: () => set({ revealLine: null }),
  reset: () => set(initialProjectState),
}))
