/** Project kinds the create form offers (SPEC §1: react/node/python/java). */
export const PROJECT_TYPES = ['react', 'node', 'python', 'java'] as const
export type ProjectType = (typeof PROJECT_TYPES)[number]

/** Splits a "React, Vite ,  TypeScript" list into trimmed, non-empty, distinct entries. */
export function parseTechStack(text: string): string[] {
  const seen = new Set<string>()
  for (const part of text.split(',')) {
    const item = part.trim()
    if (item) seen.add(item)
  }
  return [...seen]
}
