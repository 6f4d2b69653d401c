import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach, vi } from 'vitest'
import { installListLayout, resetListLayout } from '@/test/layout'

installListLayout()

afterEach(() => {
  cleanup()
  localStorage.clear()
  resetListLayout()
})

// xterm.js draws on a canvas jsdom does not have; the terminal's behaviour is covered by the
// browser tests, so unit tests get an inert stand-in for the library only.
vi.mock('@xterm/xterm', () => ({
  Terminal: class {
    cols = 80
    rows = 24
    loadAddon() {}
    open() {}
    write() {}
    onData() {
      return { dispose() {} }
    }
    dispose() {}
  },
}))
vi.mock('@xterm/addon-fit', () => ({
  FitAddon: class {
    fit() {}
  },
}))
