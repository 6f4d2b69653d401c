import { accessToken, randomEmail, registerInBrowser } from './accounts.mjs'
import { expectCount, expectPath, expectText, eventually, fail, visible } from './harness.mjs'

async function createProject(page, name) {
  await page.getByLabel('Project name', { exact: true }).fill(name)
  await page.getByRole('button', { name: 'Create project' }).click()
  await page.getByRole('list', { name: 'Projects' }).getByRole('link', { name }).click()
  await expectPath(page, /^\/projects\/[0-9a-f-]{36}$/)
  return page.url().split('/').at(-1)
}

async function api(page, method, path, data) {
  const response = await page.request.fetch(path, {
    method,
    data,
    headers: { Authorization: `Bearer ${await accessToken(page)}` },
  })
  if (response.status() >= 300) fail(`${method} ${path} answered ${response.status()}`)
  return response.status() === 204 ? null : response.json()
}

const DEV_SERVER =
  "require('http').createServer((q, s) => s.end('preview works from the sandbox'))" +
  ".listen(3000, () => console.log('Local:   http://localhost:3000/'))"

export const tests = [
  {
    name: 'terminal, run, output and preview of a project in the sandbox',
    async fn({ page, screenshot }) {
      await registerInBrowser(page, { name: 'Runner', email: randomEmail('e2e-run') })
      const projectId = await createProject(page, 'Sandboxed')

      // the shell: type a command and see what it printed
      const screen = page.getByTestId('terminal-screen')
      await visible(screen.locator('.xterm-rows'))
      await screen.click()
      await eventually(async () => {
        const rows = await screen.locator('.xterm-rows').innerText()
        if (!rows.includes('$')) fail('no prompt yet')
      })
      await page.keyboard.type('echo hello-$((6*7))')
      await page.keyboard.press('Enter')
      await expectText(screen.locator('.xterm-rows'), 'hello-42')
      await screenshot('terminal')

      // Run detects the project, installs and starts it; its output shows in Output
      await api(page, 'PUT', `/api/v1/projects/${projectId}/files`, {
        path: 'package.json',
        content: JSON.stringify({
          name: 'e2e',
          version: '1.0.0',
          scripts: { dev: `node -e "${DEV_SERVER}"` },
        }),
      })
      await page.getByRole('button', { name: '▶ Run' }).click()
      const output = page.getByLabel('Run output')
      await expectText(output, 'Local:   http://localhost:3000/', { timeout: 60_000 })
      await visible(page.getByRole('list', { name: 'Runs' }).getByText('running'))

      // the preview, on its own origin
      await page.getByRole('tab', { name: 'Preview' }).click()
      await page.getByRole('button', { name: 'Open preview' }).click()
      const frame = page.frameLocator('iframe[title="Preview of the running app"]')
      await visible(frame.getByText('preview works from the sandbox'), 20_000)
      const src = await page
        .locator('iframe[title="Preview of the running app"]')
        .getAttribute('src')
      if (!src || new URL(src).origin === new URL(page.url()).origin) {
        fail(`the preview must be on another origin, not ${src}`)
      }
      await screenshot('preview')

      await page.getByRole('button', { name: '■ Stop' }).click()
      await visible(page.getByRole('list', { name: 'Runs' }).getByText('stopped'), 20_000)
    },
  },
  {
    name: 'problems from a run open the file and can be sent to the AI',
    async fn({ page }) {
      await registerInBrowser(page, { name: 'Runner', email: randomEmail('e2e-run') })
      const projectId = await createProject(page, 'With problems')
      await api(page, 'PUT', `/api/v1/projects/${projectId}/files`, {
        path: 'src/App.tsx',
        content: '// one\n// two\nconst x: number = "one"\n',
      })
      await api(page, 'POST', `/api/v1/projects/${projectId}/runs`, {
        command: `echo "src/App.tsx(3,7): error TS2322: Type 'string' is not assignable to type 'number'."; exit 2`,
      })

      const problemsTab = page.getByRole('tab', { name: /Problems/ })
      await eventually(
        async () => {
          await page.reload()
          await problemsTab.click()
          const count = await page.getByRole('list', { name: 'Problems' }).locator('li').count()
          if (count !== 1) fail(`expected one problem, saw ${count}`)
        },
        { timeout: 20_000, interval: 1_000 },
      )
      const problems = page.getByRole('list', { name: 'Problems' })
      await visible(problems.getByText("Type 'string' is not assignable to type 'number'."))
      // from another view, a problem brings back the code with its line selected
      await page.getByRole('tab', { name: 'Preview' }).click()
      await problems.getByRole('button', { name: 'src/App.tsx:3:7' }).click()
      await visible(
        page
          .getByRole('button', { name: 'src/App.tsx' })
          .and(page.locator('[aria-current="true"]')),
      )
      await visible(page.getByRole('tab', { name: 'Code', selected: true }))
      await eventually(
        async () => {
          const line = await page.evaluate(
            () =>
              globalThis.monaco?.editor
                .getEditors()
                .find((e) => e.getContainerDomNode().closest('.editor__monaco'))
                ?.getSelection()?.startLineNumber,
          )
          if (line !== 3) fail(`the editor selected line ${line}, not line 3`)
        },
        { timeout: 20_000 },
      )

      await problems.getByRole('button', { name: 'Ask AI to fix' }).click()
      await expectText(
        page.getByRole('log', { name: 'Conversation' }),
        'Fix this error reported by tsc at src/App.tsx:3:7',
      )
    },
  },
  {
    name: 'two tabs on one project: a reply streams live in the other tab',
    async fn({ page, context, screenshot }) {
      await registerInBrowser(page, { name: 'Runner', email: randomEmail('e2e-run') })
      await createProject(page, 'Two tabs')
      const other = await context.newPage()
      await other.goto(page.url())
      await visible(other.getByRole('heading', { name: 'Two tabs', level: 1 }))
      // let the second tab's channel connect before the first tab sends
      await other.waitForTimeout(1500)

      const input = page.getByLabel('Message', { exact: true })
      await input.fill('Create a counter app')
      await input.press('Enter')

      const watched = other.getByRole('log', { name: 'Conversation' })
      await expectText(watched, 'Create a counter app')
      await expectText(watched, 'counter component', { timeout: 30_000 })
      const reply = watched.getByRole('article', { name: 'AI message' }).first()
      await expectCount(reply.locator('[data-status="complete"]'), 4, { timeout: 30_000 })
      await visible(
        other
          .getByRole('list', { name: 'Project files' })
          .getByRole('button', { name: 'src/App.tsx' }),
      )
      await screenshot('second-tab')
    },
  },
  {
    name: 'a project from a template, its history, export and import',
    async fn({ page }) {
      await registerInBrowser(page, { name: 'Runner', email: randomEmail('e2e-run') })
      await page.getByLabel('Project name', { exact: true }).fill('From template')
      await page.getByLabel('Start from', { exact: true }).selectOption({ label: 'Node + Express' })
      await page.getByRole('button', { name: 'Create project' }).click()
      await page
        .getByRole('list', { name: 'Projects' })
        .getByRole('link', { name: 'From template' })
        .click()
      await expectPath(page, /^\/projects\/[0-9a-f-]{36}$/)
      const files = page.getByRole('list', { name: 'Project files' })
      await visible(files.getByRole('button', { name: 'server.js' }))

      await page.getByRole('tab', { name: 'History' }).click()
      await eventually(
        async () => {
          await page.getByRole('tab', { name: 'Code' }).click()
          await page.getByRole('tab', { name: 'History' }).click()
          const list = page.getByRole('list', { name: 'Commits' }).locator('li')
          await list
            .first()
            .waitFor({ timeout: 1_500 })
            .catch(() => undefined)
          const commits = await list.count()
          if (commits < 1) fail('no commit yet')
        },
        { timeout: 10_000, interval: 500 },
      )
      await page.getByRole('list', { name: 'Commits' }).getByRole('button').first().click()
      await expectText(page.getByLabel('Changes of the commit'), '+++ b/server.js')

      // a push to an address the server refuses explains why, and forgets the token
      await page.getByRole('button', { name: 'Push to git' }).click()
      const push = page.getByRole('form', { name: 'Push to a git remote' })
      await push.getByLabel('Repository URL').fill('http://example.com/shop.git')
      await push.getByLabel('Access token').fill('ghp_e2eToken')
      await push.getByRole('button', { name: 'Push' }).click()
      await expectText(push.getByRole('alert'), 'Only https repository addresses')
      if ((await push.getByLabel('Access token').inputValue()) !== '')
        fail('the token stayed in the form after the push')

      // the rules for the AI live under Settings, as the file .bharatbuild/rules.md
      await page.getByRole('tab', { name: 'Settings' }).click()
      const rules = page.getByRole('textbox', { name: 'Rules for the AI' })
      await eventually(async () => {
        if (!(await rules.inputValue()).includes('Express')) fail('the template rules did not load')
      })
      await rules.fill('Use TypeScript.\nTests with Vitest.\n')
      await page.getByRole('button', { name: 'Save rules' }).click()
      await visible(page.getByRole('status').getByText('Rules saved'))
      await page.getByRole('tab', { name: 'Code' }).click()
      await page.getByRole('tab', { name: 'Settings' }).click()
      await eventually(async () => {
        if ((await rules.inputValue()) !== 'Use TypeScript.\nTests with Vitest.\n')
          fail('the saved rules did not come back')
      })
      await page.getByRole('tab', { name: 'History' }).click()

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download zip' }).click(),
      ])
      const archive = await download.path()

      await page.getByRole('link', { name: '← All projects' }).click()
      await page.getByLabel('Zip archive').setInputFiles(archive)
      await page.getByRole('button', { name: 'Import', exact: true }).click()
      await page.getByRole('list', { name: 'Projects' }).getByRole('link').first().click()
      await visible(
        page
          .getByRole('list', { name: 'Project files' })
          .getByRole('button', { name: 'server.js' }),
      )

      // a file moves to a new path from the editor's toolbar
      await page
        .getByRole('list', { name: 'Project files' })
        .getByRole('button', { name: 'server.js' })
        .click()
      await page.getByRole('button', { name: 'Rename' }).click()
      await page.getByRole('textbox', { name: 'New path' }).fill('src/server.js')
      await page.getByRole('button', { name: 'Move' }).click()
      const moved = page.getByRole('list', { name: 'Project files' })
      await visible(moved.getByRole('button', { name: 'src/server.js' }))
      await expectCount(moved.getByRole('button', { name: 'server.js', exact: true }), 0)
    },
  },
  {
    name: 'the Tokens page shows the starting grant',
    async fn({ page }) {
      await registerInBrowser(page, { name: 'Runner', email: randomEmail('e2e-run') })
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Tokens' })
        .click()
      await expectPath(page, '/tokens')
      await expectText(page.getByTestId('tokens-available'), '50,000')
      const history = page.getByRole('table', { name: 'Token history' })
      await visible(history.getByText('Grant'))
      await visible(history.getByText('+50,000'))
    },
  },
  {
    name: 'the chat and terminal split is resized from the keyboard and remembered',
    async fn({ page }) {
      await registerInBrowser(page, { name: 'Runner', email: randomEmail('e2e-run') })
      await createProject(page, 'Split')
      const divider = page.getByRole('separator', { name: 'Resize chat and terminal' })
      await visible(divider)
      const before = Number(await divider.getAttribute('aria-valuenow'))
      await divider.focus()
      await page.keyboard.press('ArrowUp')
      await page.keyboard.press('ArrowUp')
      let after = before
      await eventually(async () => {
        after = Number(await divider.getAttribute('aria-valuenow'))
        if (!(after < before)) fail(`the arrow keys did not shrink the chat (${before} → ${after})`)
      })
      await page.reload()
      await eventually(async () => {
        const kept = Number(
          await page
            .getByRole('separator', { name: 'Resize chat and terminal' })
            .getAttribute('aria-valuenow'),
        )
        if (kept !== after) fail(`the split was ${kept} after reload, not ${after}`)
      })
    },
  },
]
