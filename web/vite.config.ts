/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'

// `npm run dev` proxies the API to a running server (the jar, default port 8080).
const apiTarget = process.env.BHARATBUILD_URL ?? 'http://127.0.0.1:8080'

/**
 * Monaco is bundled (see src/components/editor/monacoSetup.ts) and @monaco-editor/react is
 * handed that module, so its loader's default CDN path is dead code: drop it, so that the
 * built client names no CDN at all.
 */
function noMonacoCdn(): Plugin {
  return {
    name: 'bharatbuild:no-monaco-cdn',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('@monaco-editor/loader') || !code.includes('cdn.jsdelivr.net')) return null
      return { code: code.replace(/https:\/\/cdn\.jsdelivr\.net\/npm\/[^'"`]*/g, ''), map: null }
    },
  }
}

export default defineConfig({
  plugins: [react(), noMonacoCdn()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Monaco's editor and TypeScript worker are large by nature; they load only with the editor
    chunkSizeWarningLimit: 8000,
  },
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/actuator': { target: apiTarget },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['src/test/setup.ts', 'src/test/monacoMock.tsx'],
    include: ['src/**/*.test.{ts,tsx}'],
    restoreMocks: true,
  },
})
