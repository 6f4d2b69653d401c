// A small browser-test harness: real Chromium (Debian's, via playwright-core), one fresh
// browser context per test, screenshots on failure, a plain pass/fail summary.
import { mkdir } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import { chromium } from 'playwright-core'

export const OUT_DIR = new URL('../test-results/e2e/', import.meta.url).pathname

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Polls `check` until it stops throwing or `timeout` ms pass; then rethrows its last error. */
export async function eventually(check, { timeout = 10_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await sleep(interval)
    }
  }
}

export function fail(message) {
  throw new Error(message)
}

/** Waits until the locator is visible and returns it. */
export async function visible(locator, timeout) {
  await locator.first().waitFor({ state: 'visible', timeout })
  return locator
}

export async function expectText(locator, expected, options) {
  await eventually(async () => {
    const text = (await locator.textContent({ timeout: 1000 })) ?? ''
    if (!text.includes(expected)) fail(`expected text containing "${expected}", got "${text}"`)
  }, options)
}

export async function expectValue(locator, expected, options) {
  await eventually(async () => {
    const value = await locator.inputValue({ timeout: 1000 })
    if (value !== expected)
      fail(`expected value ${JSON.stringify(expected)}, got ${JSON.stringify(value)}`)
  }, options)
}

export async function expectCount(locator, count, options) {
  await eventually(async () => {
    const actual = await locator.count()
    if (actual !== count) fail(`expected ${count} element(s), found ${actual}`)
  }, options)
}

export async function expectPath(page, pattern, options) {
  await eventually(() => {
    const path = new URL(page.url()).pathname
    if (!(typeof pattern === 'string' ? path === pattern : pattern.test(path))) {
      fail(`expected the path ${pattern}, the page is at ${path}`)
    }
  }, options)
}

function slug(name) {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** Waits for the server's health endpoint. */
export async function waitForServer(baseUrl, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    try {
      const res = await fetch(new URL('/actuator/health', baseUrl))
      if (res.ok) return
      last = `HTTP ${res.status}`
    } catch (error) {
      last = error.cause?.code ?? error.message
    }
    await sleep(500)
  }
  throw new Error(`the server at ${baseUrl} is not healthy after ${timeoutMs / 1000}s (${last})`)
}

/**
 * Runs the tests one after another. Each gets `{ page, context, baseUrl, screenshot }`.
 * Returns the number of failures.
 */
export async function run(tests, { baseUrl, executablePath, only }) {
  await mkdir(OUT_DIR, { recursive: true })
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })
  let passed = 0
  let failed = 0
  console.log(`e2e: ${tests.length} tests against ${baseUrl} in ${browser.version()}`)
  try {
    for (const test of tests) {
      if (only && !test.name.includes(only)) continue
      const context = await browser.newContext({
        baseURL: baseUrl,
        viewport: { width: 1280, height: 800 },
      })
      const page = await context.newPage()
      page.setDefaultTimeout(10_000)
      const problems = []
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`)
      })
      page.on('response', (response) => {
        if (response.status() >= 500) problems.push(`HTTP ${response.status()} ${response.url()}`)
      })
      const screenshot = (name) =>
        page.screenshot({ path: `${OUT_DIR}${name}.png`, fullPage: true }).catch(() => undefined)
      const started = Date.now()
      try {
        await test.fn({ page, context, baseUrl, screenshot })
        passed++
        console.log(`  ✔ ${test.name} (${((Date.now() - started) / 1000).toFixed(1)}s)`)
      } catch (error) {
        failed++
        const shot = `${slug(test.name)}-failure`
        await screenshot(shot)
        console.log(`  ✘ ${test.name} (${((Date.now() - started) / 1000).toFixed(1)}s)`)
        console.log(`      at ${page.url()}`)
        console.log(
          `      ${String(error?.stack ?? error)
            .split('\n')
            .slice(0, 6)
            .join('\n      ')}`,
        )
        for (const problem of problems.slice(0, 10)) console.log(`      ${problem}`)
        console.log(`      screenshot: test-results/e2e/${shot}.png`)
      } finally {
        await context.close()
      }
    }
  } finally {
    await browser.close()
  }
  console.log(`e2e: ${passed} passed, ${failed} failed`)
  return failed
}
