import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The editor shows the app through its preview origin, whose host name is not localhost.
export default defineConfig({
  plugins: [react()],
  server: { port: 5173, allowedHosts: true },
})
