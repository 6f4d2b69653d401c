// Accounts for the browser tests: registering through the UI and reading the page's session.
import { randomBytes } from 'node:crypto'
import { expectPath, fail, visible } from './harness.mjs'

export const SESSION_KEY = 'bharatbuild.session'
export const PASSWORD = 'correct-horse-42'

export function randomEmail(prefix = 'e2e') {
  return `${prefix}-${Date.now()}-${randomBytes(3).toString('hex')}@example.com`
}

/** Registers through the UI and waits for the (empty) project list. */
export async function registerInBrowser(page, { name = 'E2E User', email = randomEmail() } = {}) {
  await page.goto('/register')
  await page.getByLabel('Name', { exact: true }).fill(name)
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: 'Create account' }).click()
  await expectPath(page, '/projects')
  await visible(page.getByRole('heading', { name: 'Projects', level: 1 }))
  return email
}

/** The session the page keeps in local storage, or null when signed out. */
export async function readSession(page) {
  return page.evaluate(
    (key) => JSON.parse(localStorage.getItem(key) ?? 'null')?.state ?? null,
    SESSION_KEY,
  )
}

/** The page's access token, for API calls made beside the UI. */
export async function accessToken(page) {
  const session = await readSession(page)
  if (!session?.accessToken) fail('no session in the page')
  return session.accessToken
}
