import { PASSWORD, SESSION_KEY, randomEmail, readSession, registerInBrowser } from './accounts.mjs'
import {
  expectCount,
  expectPath,
  expectText,
  expectValue,
  eventually,
  fail,
  visible,
} from './harness.mjs'

/** Registers through the API, as another client would. */
async function registerByApi(context, email = randomEmail()) {
  const response = await context.request.post('/api/v1/auth/register', {
    data: { email, password: PASSWORD, name: 'API User' },
  })
  if (response.status() !== 201)
    fail(`register answered ${response.status()}: ${await response.text()}`)
  return { email, ...(await response.json()) }
}

async function createProjectInBrowser(page, { name, description = '', type = '', techStack = '' }) {
  await page.getByLabel('Project name', { exact: true }).fill(name)
  if (description) await page.getByLabel('Description', { exact: true }).fill(description)
  if (type) await page.getByLabel('Type', { exact: true }).selectOption(type)
  if (techStack) await page.getByLabel('Tech stack', { exact: true }).fill(techStack)
  await page.getByRole('button', { name: 'Create project' }).click()
  await visible(
    page.getByRole('list', { name: 'Projects' }).getByRole('link', { name, exact: true }),
  )
}

/** The Monaco editor of the open file (not the diff views in the chat). */
function codeEditor(page) {
  return page.locator('.editor .editor__monaco .monaco-editor').first()
}

/** The open file's text in Monaco, from the model (the page exposes Monaco as globalThis.monaco). */
async function editorValue(page) {
  return page.evaluate(() => {
    const editors = globalThis.monaco?.editor.getEditors() ?? []
    const open = editors.find((e) => e.getContainerDomNode().closest('.editor__monaco'))
    return open ? open.getValue() : null
  })
}

/** What Monaco has drawn (its lines use no-break spaces) contains `expected`. */
async function expectEditorShows(page, expected) {
  const lines = codeEditor(page).locator('.view-lines')
  await eventually(async () => {
    const shown = ((await lines.textContent()) ?? '').replace(/\u00a0/g, ' ')
    if (!shown.includes(expected)) fail(`the editor shows "${shown}", not "${expected}"`)
  })
}

async function expectEditorValue(page, expected, options) {
  await eventually(async () => {
    const value = await editorValue(page)
    if (value !== expected)
      fail(`the editor shows ${JSON.stringify(value)}, not ${JSON.stringify(expected)}`)
  }, options)
}

/**
 * Replaces the open file's text as a paste would, as one edit in Monaco (typing it would add
 * Monaco's auto-indentation to every line; the Monaco test types for real).
 */
async function replaceEditorText(page, text) {
  await visible(codeEditor(page))
  await page.evaluate((text) => {
    const editor = globalThis.monaco.editor
      .getEditors()
      .find((e) => e.getContainerDomNode().closest('.editor__monaco'))
    const model = editor.getModel()
    editor.executeEdits('e2e', [{ range: model.getFullModelRange(), text }])
  }, text)
  await expectEditorValue(page, text)
}

async function openProject(page, name) {
  await page
    .getByRole('list', { name: 'Projects' })
    .getByRole('link', { name, exact: true })
    .click()
  await expectPath(page, /^\/projects\/[0-9a-f-]{36}$/)
  await visible(page.getByRole('heading', { name, level: 1 }))
}

async function addFile(page, path) {
  await page.getByLabel('New file path').fill(path)
  await page.getByRole('button', { name: 'Add file' }).click()
  const button = page
    .getByRole('list', { name: 'Project files' })
    .getByRole('button', { name: path })
  await visible(button)
  await visible(codeEditor(page), 20_000)
  return button
}

export const tests = [
  {
    name: 'register, create a project, edit a file with conflict handling, delete both',
    async fn({ page, screenshot }) {
      await registerInBrowser(page)
      await visible(page.getByText('No projects yet'))

      // server-side validation shows beside the field
      await page.getByRole('button', { name: 'Create project' }).click()
      await visible(page.getByText('must not be blank'))

      await createProjectInBrowser(page, {
        name: 'E2E Shop',
        description: 'A storefront made by the browser test',
        type: 'react',
        techStack: 'React, Vite, TypeScript',
      })
      await expectCount(page.getByText('No projects yet'), 0)
      const projects = page.getByRole('list', { name: 'Projects' })
      await visible(projects.getByText('TypeScript'))
      await screenshot('projects')

      await projects.getByRole('link', { name: 'E2E Shop', exact: true }).click()
      await expectPath(page, /^\/projects\/[0-9a-f-]{36}$/)
      await visible(page.getByRole('heading', { name: 'E2E Shop', level: 1 }))
      await visible(page.getByText('No files yet.'))
      const projectUrl = page.url()

      // a bad path is refused by the server and explained beside the input
      await page.getByLabel('New file path').fill('../escape.txt')
      await page.getByRole('button', { name: 'Add file' }).click()
      await eventually(async () => {
        const invalid = await page.getByLabel('New file path').getAttribute('aria-invalid')
        if (invalid !== 'true') fail('the bad path was not marked invalid')
      })
      await visible(page.locator('.field__error'))

      await page.getByLabel('New file path').fill('src/App.tsx')
      await page.getByRole('button', { name: 'Add file' }).click()
      const fileButton = page
        .getByRole('list', { name: 'Project files' })
        .getByRole('button', { name: 'src/App.tsx' })
      await visible(fileButton)
      await visible(codeEditor(page), 20_000)
      await expectEditorValue(page, '')

      const content = 'export function App() {\n  return <h1>Hello from the e2e test</h1>\n}\n'
      await replaceEditorText(page, content)
      await visible(page.getByText('Unsaved changes'))
      await page.getByRole('button', { name: 'Save', exact: true }).click()
      await visible(page.getByRole('status').getByText('Saved', { exact: true }))
      await visible(page.getByText('v2'))
      await screenshot('workbench')

      // reload: the content came from the server
      await page.reload()
      await visible(page.getByRole('heading', { name: 'E2E Shop', level: 1 }))
      await fileButton.click()
      await expectEditorValue(page, content)

      // someone else writes the file while we have unsaved edits; our save is a 409 that we
      // resolve by reloading (without edits, the live channel would just reload the file)
      await replaceEditorText(page, content + '// my change\n')
      const elsewhere = 'export const changedElsewhere = true\n'
      const projectId = new URL(projectUrl).pathname.split('/').pop()
      const status = await page.evaluate(
        async ({ key, projectId, elsewhere }) => {
          const token = JSON.parse(localStorage.getItem(key)).state.accessToken
          const res = await fetch(`/api/v1/projects/${projectId}/files`, {
            method: 'PUT',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify({ path: 'src/App.tsx', content: elsewhere, expectedVersion: 2 }),
          })
          return res.status
        },
        { key: SESSION_KEY, projectId, elsewhere },
      )
      if (status !== 200) fail(`the outside write answered ${status}`)
      await page.getByRole('button', { name: 'Save', exact: true }).click()
      const conflict = page
        .getByRole('alert')
        .filter({ hasText: 'This file was changed elsewhere' })
      await visible(conflict)
      await expectText(conflict, 'discards your unsaved changes')
      await screenshot('conflict')
      await conflict.getByRole('button', { name: 'Reload file' }).click()
      await expectEditorValue(page, elsewhere)
      await expectCount(conflict, 0)

      // delete the file
      await page.getByRole('button', { name: 'Delete file' }).click()
      const fileDialog = page.getByRole('alertdialog', { name: 'Delete src/App.tsx?' })
      await fileDialog.getByRole('button', { name: 'Delete file' }).click()
      await visible(page.getByText('No files yet.'))
      await expectCount(fileButton, 0)

      // back to the list and delete the project
      await page.getByRole('link', { name: '← All projects' }).click()
      await expectPath(page, '/projects')
      await page.getByRole('button', { name: 'Delete project E2E Shop' }).click()
      const dialog = page.getByRole('alertdialog', { name: 'Delete project E2E Shop?' })
      await dialog.getByRole('button', { name: 'Delete project' }).click()
      await visible(page.getByText('No projects yet'))

      // and the project is gone on the server too
      await page.goto(projectUrl)
      await visible(page.getByText('Project not found'))

      await page.getByRole('button', { name: 'Sign out' }).click()
      await expectPath(page, '/login')
    },
  },
  {
    name: 'login shows an error for a wrong password, then signs in',
    async fn({ page, context, screenshot }) {
      const { email } = await registerByApi(context)
      await page.goto('/login')
      await page.getByLabel('Email', { exact: true }).fill(email)
      await page.getByLabel('Password', { exact: true }).fill('wrong-password-1')
      await page.getByRole('button', { name: 'Sign in' }).click()
      const alert = page.getByRole('alert')
      await visible(alert)
      await expectText(alert, 'Sign-in failed')
      await expectPath(page, '/login')
      await screenshot('login-error')

      await page.getByLabel('Password', { exact: true }).fill(PASSWORD)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expectPath(page, '/projects')
      await visible(page.getByText('No projects yet'))
    },
  },
  {
    name: 'a signed-out visit to /projects goes to /login',
    async fn({ page }) {
      await page.goto('/projects')
      await expectPath(page, '/login')
      await visible(page.getByRole('heading', { name: 'Sign in to BharatBuild' }))
    },
  },
  {
    name: 'an expired access token is renewed with the refresh token',
    async fn({ page }) {
      await registerInBrowser(page)
      await createProjectInBrowser(page, { name: 'Survives expiry' })
      const before = await readSession(page)

      await page.evaluate((key) => {
        const stored = JSON.parse(localStorage.getItem(key))
        stored.state.accessToken = 'expired.or.corrupted.token'
        localStorage.setItem(key, JSON.stringify(stored))
      }, SESSION_KEY)
      await page.reload()

      await visible(
        page.getByRole('list', { name: 'Projects' }).getByRole('link', { name: 'Survives expiry' }),
      )
      await expectPath(page, '/projects')
      await eventually(async () => {
        const after = await readSession(page)
        if (!after?.accessToken || after.accessToken === 'expired.or.corrupted.token')
          fail('no new access token')
        if (after.refreshToken === before.refreshToken) fail('the refresh token was not rotated')
      })
    },
  },
  {
    name: 'a refused refresh token ends the session and shows the login page',
    async fn({ page }) {
      await registerInBrowser(page)
      await page.evaluate((key) => {
        const stored = JSON.parse(localStorage.getItem(key))
        stored.state.accessToken = 'expired.or.corrupted.token'
        stored.state.refreshToken = 'revoked-refresh-token'
        localStorage.setItem(key, JSON.stringify(stored))
      }, SESSION_KEY)
      await page.reload()

      await expectPath(page, '/login')
      await visible(page.getByText('Your session has expired'))
      const session = await readSession(page)
      if (session?.accessToken || session?.refreshToken) fail('the stored session was not cleared')
    },
  },
  {
    name: 'chat with the demo model: stream, operation cards, files, balance, revert, reload',
    async fn({ page, screenshot }) {
      await registerInBrowser(page)
      await createProjectInBrowser(page, { name: 'Chat Demo', type: 'react' })
      await page
        .getByRole('list', { name: 'Projects' })
        .getByRole('link', { name: 'Chat Demo', exact: true })
        .click()
      await expectPath(page, /^\/projects\/[0-9a-f-]{36}$/)

      // the empty conversation shows the welcome card and the seed's four examples
      await visible(page.getByRole('heading', { name: 'Welcome to BharatBuild AI' }))
      const examples = page.getByRole('group', { name: 'Examples' }).getByRole('button')
      await expectCount(examples, 4)
      await visible(page.getByRole('tab', { name: 'Terminal' }))
      const model = page.getByLabel('Model', { exact: true })
      await eventually(async () => {
        const label = (await model.locator('option:checked').textContent()) ?? ''
        if (!/demo/i.test(label)) fail(`the model picker shows "${label}"`)
      })
      const balance = page.getByTestId('token-balance')
      const readBalance = async () =>
        Number(((await balance.textContent()) ?? '').replace(/[^0-9]/g, '') || NaN)
      let before = NaN
      await eventually(async () => {
        before = await readBalance()
        if (!(before > 0)) fail('no token balance shown')
      })
      await screenshot('chat-empty')

      const input = page.getByLabel('Message', { exact: true })
      await input.fill('Create a counter app')
      await input.press('Enter')
      await expectValue(input, '')

      const log = page.getByRole('log', { name: 'Conversation' })
      await expectText(log, 'Create a counter app')
      await expectText(log, 'counter component', { timeout: 30_000 })
      const firstReply = log.getByRole('article', { name: 'AI message' }).first()
      const cards = firstReply.getByRole('list', { name: 'File operations' }).getByRole('listitem')
      await expectCount(cards, 4, { timeout: 30_000 })
      await expectCount(firstReply.locator('[data-status="complete"]'), 4, { timeout: 30_000 })
      await visible(firstReply.getByText('tokens', { exact: false }))
      await eventually(async () => {
        const after = await readBalance()
        if (!(after < before)) fail(`the balance did not go down (${before} → ${after})`)
      })
      const files = page.getByRole('list', { name: 'Project files' })
      await visible(files.getByRole('button', { name: 'src/App.tsx' }))
      // the files the reply changed are marked in the list
      await visible(
        files
          .getByRole('button', { name: 'src/App.tsx' })
          .getByTitle("Changed by the AI's latest reply"),
      )
      // a card opens to its patch
      await cards
        .filter({ hasText: 'src/App.tsx' })
        .getByRole('button', { name: 'Show changes' })
        .click()
      await visible(firstReply.getByLabel('Changes to src/App.tsx'))
      // as a Monaco diff (inline in the narrow chat), the added lines on the modified side
      const diff = firstReply.locator('.op-card__diff .monaco-diff-editor')
      await visible(diff, 20_000)
      await eventually(async () => {
        const shown = (
          (await diff.locator('.modified .view-lines[role="presentation"]').textContent()) ?? ''
        ).replace(/\u00a0/g, ' ')
        if (!shown.includes('useState')) fail(`the diff shows "${shown}"`)
      })
      await screenshot('chat-counter')

      await input.fill('Add a reset button')
      await page.getByRole('button', { name: 'Send', exact: true }).click()
      const replies = log.getByRole('article', { name: 'AI message' })
      await expectCount(replies, 2)
      const secondReply = replies.nth(1)
      await visible(secondReply.locator('[data-status="complete"]'), 30_000)
      await visible(secondReply.getByRole('button', { name: 'Revert' }), 30_000)

      await files.getByRole('button', { name: 'src/App.tsx' }).click()
      await visible(codeEditor(page), 20_000)
      await eventually(async () => {
        if (!((await editorValue(page)) ?? '').includes('Reset')) fail('src/App.tsx has no Reset')
      })
      await screenshot('chat-reset')

      // the user changes the file after the reply: revert reports the conflict, then forces
      await replaceEditorText(page, (await editorValue(page)) + '// my note\n')
      await page.getByRole('button', { name: 'Save', exact: true }).click()
      await visible(page.getByRole('status').getByText('Saved', { exact: true }))
      await secondReply.getByRole('button', { name: 'Revert' }).click()
      await expectText(secondReply.getByRole('status').last(), 'Changed since this reply')
      await screenshot('chat-revert-conflict')
      await secondReply.getByRole('button', { name: 'Revert anyway' }).click()
      await expectText(secondReply.getByRole('status').last(), 'Reverted src/App.tsx')
      await eventually(async () => {
        const content = (await editorValue(page)) ?? ''
        if (content.includes('Reset') || !content.includes('count')) {
          fail('src/App.tsx was not reverted in the editor')
        }
      })

      // the conversation is kept on the server
      await page.reload()
      const reloaded = page.getByRole('log', { name: 'Conversation' })
      await expectText(reloaded, 'Add a reset button')
      await expectCount(reloaded.getByRole('article', { name: 'AI message' }), 2)
      await expectCount(reloaded.locator('[data-status="complete"]'), 5)
      await screenshot('chat-reloaded')

      // regenerate the first reply: a new reply replaces it in place
      const reloadedReplies = reloaded.getByRole('article', { name: 'AI message' })
      await reloadedReplies.first().getByRole('button', { name: 'Regenerate' }).click()
      await expectCount(reloadedReplies, 2)
      await expectCount(reloadedReplies.first().locator('[data-status="complete"]'), 4, {
        timeout: 30_000,
      })
      await visible(reloadedReplies.first().getByRole('button', { name: 'Regenerate' }), 30_000)

      // delete the second reply
      await reloadedReplies.nth(1).getByRole('button', { name: 'Delete' }).click()
      await expectCount(reloadedReplies, 1)
      await page.reload()
      await expectCount(
        page
          .getByRole('log', { name: 'Conversation' })
          .getByRole('article', { name: 'AI message' }),
        1,
      )
    },
  },
  {
    name: 'Monaco: open a file, type, Ctrl+S saves, reload shows the change; nothing from a CDN',
    async fn({ page, baseUrl, screenshot }) {
      const foreign = []
      page.on('request', (request) => {
        const url = request.url()
        if (/^https?:/.test(url) && !url.startsWith(baseUrl)) foreign.push(url)
      })
      await registerInBrowser(page)
      // the login and project pages have not loaded Monaco
      if (await page.evaluate(() => Boolean(globalThis.monaco)))
        fail('Monaco loaded before an editor')
      await createProjectInBrowser(page, { name: 'Monaco Project' })
      await openProject(page, 'Monaco Project')
      const fileButton = await addFile(page, 'src/main.ts')
      await replaceEditorText(page, 'export const greeting = "hello"\n')
      await page.getByRole('button', { name: 'Save', exact: true }).click()
      await visible(page.getByRole('status').getByText('Saved', { exact: true }))

      await page.reload()
      await fileButton.click()
      const editor = codeEditor(page)
      await visible(editor, 20_000)
      await expectEditorShows(page, 'export const greeting')
      const language = await page.evaluate(() =>
        globalThis.monaco.editor
          .getEditors()
          .find((e) => e.getContainerDomNode().closest('.editor__monaco'))
          ?.getModel()
          ?.getLanguageId(),
      )
      if (language !== 'typescript') fail(`the editor's language is ${language}`)

      // type at the end of the file, as a user does
      await editor.locator('.view-lines').click()
      await page.keyboard.press('ControlOrMeta+End')
      await page.keyboard.type('export const answer = 42')
      await expectEditorShows(page, 'export const answer = 42')
      await visible(page.getByText('Unsaved changes'))
      await screenshot('monaco-dirty')
      await page.keyboard.press('Control+s')
      await visible(page.getByRole('status').getByText('Saved', { exact: true }))
      await visible(page.getByText('v3'))

      await page.reload()
      await fileButton.click()
      await visible(codeEditor(page), 20_000)
      await expectEditorShows(page, 'export const answer = 42')
      await expectEditorValue(page, 'export const greeting = "hello"\nexport const answer = 42')
      await screenshot('monaco-reloaded')
      if (foreign.length) fail(`requests left the server: ${foreign.slice(0, 3).join(', ')}`)
    },
  },
  {
    name: 'splits: drag the chat/terminal and workbench dividers, sizes persist after reload',
    async fn({ page, screenshot }) {
      await registerInBrowser(page)
      await createProjectInBrowser(page, { name: 'Split Project' })
      await openProject(page, 'Split Project')
      const chatSplit = page.getByRole('separator', { name: 'Resize chat and terminal' })
      const mainSplit = page.getByRole('separator', { name: 'Resize chat and workbench' })
      await visible(chatSplit)
      const valueOf = async (divider) => Number(await divider.getAttribute('aria-valuenow'))
      if ((await valueOf(chatSplit)) !== 70) fail(`the chat starts at ${await valueOf(chatSplit)}%`)
      const chat = page.locator('.left-panel__chat')
      const chatHeight = async () => (await chat.boundingBox())?.height ?? 0
      const heightBefore = await chatHeight()

      const drag = async (divider, dx, dy) => {
        const box = await divider.boundingBox()
        if (!box) fail('the divider has no box')
        const x = box.x + box.width / 2
        const y = box.y + box.height / 2
        await page.mouse.move(x, y)
        await page.mouse.down()
        await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 4 })
        await page.mouse.move(x + dx, y + dy, { steps: 4 })
        await page.mouse.up()
      }
      await drag(chatSplit, 0, -120)
      let chatShare = 0
      await eventually(async () => {
        chatShare = await valueOf(chatSplit)
        if (!(chatShare < 60)) fail(`the chat share is ${chatShare} after dragging up`)
      })
      if (!((await chatHeight()) < heightBefore - 80)) fail('the chat did not get smaller')

      const mainBefore = await valueOf(mainSplit)
      await drag(mainSplit, 150, 0)
      let mainShare = 0
      await eventually(async () => {
        mainShare = await valueOf(mainSplit)
        if (!(mainShare > mainBefore)) fail(`the left panel share stayed ${mainShare}`)
      })

      // the keyboard moves it too
      await chatSplit.focus()
      await page.keyboard.press('ArrowDown')
      await eventually(async () => {
        if ((await valueOf(chatSplit)) !== chatShare + 5) fail('ArrowDown did not move it')
      })
      chatShare += 5
      await screenshot('splits')

      await page.reload()
      await visible(chatSplit)
      if ((await valueOf(chatSplit)) !== chatShare) fail('the chat split was not remembered')
      if ((await valueOf(mainSplit)) !== mainShare) fail('the workbench split was not remembered')

      // the terminal still collapses; the divider goes with it
      await page.getByRole('button', { name: 'Minimise terminal' }).click()
      await expectCount(chatSplit, 0)
    },
  },
  {
    name: 'the Tokens page shows the starting balance and the grant',
    async fn({ page, screenshot }) {
      await registerInBrowser(page)
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Tokens' })
        .click()
      await expectPath(page, '/tokens')
      await visible(page.getByRole('heading', { name: 'Tokens', level: 1 }))
      await expectText(page.getByTestId('tokens-available'), '50,000')
      const table = page.getByRole('table', { name: 'Token history' })
      const grant = table.getByRole('row').filter({ hasText: 'Grant' })
      await visible(grant)
      await expectText(grant, '+50,000')
      await page.getByLabel('Kind').selectOption('ai_usage')
      await visible(page.getByText('No entries of this kind yet.'))

      // the embedded defaults' manual gateway completes a purchase at once, credited once
      await page.getByLabel('Kind').selectOption('')
      await page.getByRole('button', { name: 'Buy Starter' }).click()
      await expectText(
        page.getByRole('status').filter({ hasText: 'Added' }),
        'Added 500,000 tokens',
      )
      await expectText(page.getByTestId('tokens-available'), '550,000')
      await visible(table.getByRole('row').filter({ hasText: 'Purchase' }))
      await screenshot('tokens')
    },
  },
]
