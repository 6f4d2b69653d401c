import { describe, expect, it } from 'vitest'
import { diffSides, languageOf, sidesFromPatch } from '@/components/editor/diffSides'

describe('diffSides', () => {
  it('uses before/after content when the operation carries them', () => {
    const operation = { patch: '@@ -1 +1 @@\n-a\n+b', before: 'x', after: 'y' }
    expect(diffSides(operation)).toEqual({
      original: 'x',
      modified: 'y',
    })
  })

  it('else takes the sides from the hunks of the patch', () => {
    const patch = [
      '--- a/src/App.tsx',
      '+++ b/src/App.tsx',
      '@@ -1,3 +1,3 @@',
      ' keep',
      '-old',
      '+new',
      '@@ -10,2 +10,3 @@',
      ' ten',
      '+added',
      '\\ No newline at end of file',
      '',
    ].join('\n')
    expect(sidesFromPatch(patch)).toEqual({
      original: 'keep\nold\n⋯\nten',
      modified: 'keep\nnew\n⋯\nten\nadded',
    })
  })

  it('shows a created file as lines added, not as a replaced empty line 1', () => {
    const created = '--- /dev/null\n+++ b/src/new.ts\n@@ -0,0 +1,2 @@\n+one\n+two\n'
    expect(sidesFromPatch(created)).toEqual({ original: '', modified: 'one\ntwo\n' })
    const deleted = '--- a/old.ts\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-one\n-two\n'
    expect(sidesFromPatch(deleted)).toEqual({ original: 'one\ntwo\n', modified: '' })
  })

  it('is null without a hunk or a patch', () => {
    expect(diffSides({ patch: '--- /dev/null\n+++ b/x\n+a' })).toBeNull()
    expect(diffSides({})).toBeNull()
  })

  it('knows common languages by extension', () => {
    expect(languageOf('src/App.tsx')).toBe('typescript')
    expect(languageOf('styles.CSS')).toBe('css')
    expect(languageOf('Makefile')).toBe('plaintext')
  })
})
