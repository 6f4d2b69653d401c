// Browser tests against a running BharatBuild server that serves this client at `/`.
//   BHARATBUILD_URL=http://127.0.0.1:8080 npm run e2e
// Optional: CHROMIUM_PATH (default /usr/bin/chromium), E2E_ONLY=<part of a test name>.
import { existsSync } from 'node:fs'
import { waitForServer, run } from './harness.mjs'
import { tests as appTests } from './app.e2e.mjs'
import { tests as executionTests } from './execution.e2e.mjs'
import { tests as conversationTests } from './conversation.e2e.mjs'

const tests = [...appTests, ...executionTests, ...conversationTests]

const baseUrl = process.env.BHARATBUILD_URL
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

function stop(message) {
  console.error(`e2e: ${message}`)
  console.log('e2e: 0 passed, 1 failed')
  process.exit(1)
}

if (!baseUrl) stop('set BHARATBUILD_URL to the running server, e.g. http://127.0.0.1:8080')
if (!existsSync(executablePath)) {
  stop(
    `no Chromium at ${executablePath}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`,
  )
}

try {
  await waitForServer(baseUrl)
  const index = await fetch(new URL('/projects', baseUrl))
  const html = await index.text()
  if (!index.ok || !html.includes('id="root"')) {
    stop(
      `${baseUrl} does not serve the web client at / (GET /projects answered ${index.status}); build the jar with web/dist in it`,
    )
  }
} catch (error) {
  stop(error.message)
}

const failures = await run(tests, { baseUrl, executablePath, only: process.env.E2E_ONLY })
process.exit(failures === 0 ? 0 : 1)
