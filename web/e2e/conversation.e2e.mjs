// A long conversation in the chat: 2,000 messages made through the API as a user would make
// them (send, stop), then the virtualised list opened, scrolled and measured in real Chromium.
import { accessToken, randomEmail, registerInBrowser } from './accounts.mjs'
import { setTimeout as sleep } from 'node:timers/promises'
import { expectCount, eventually, fail, visible } from './harness.mjs'

/** Exchanges (a message and its reply) to make: 2,000 messages. */
const EXCHANGES = Number(process.env.E2E_EXCHANGES ?? 1000)
/** At most this many messages may be in the DOM at once (the view plus overscan). */
const MAX_DRAWN = 40

/** One API call with the page's session; the response, whatever its status. */
async function call(page, bearer, method, path, data) {
  return page.request.fetch(path, {
    method,
    data,
    headers: { Authorization: `Bearer ${bearer}` },
  })
}

async function ok(response, what) {
  if (response.status() >= 300)
    fail(`${what} answered ${response.status()}: ${await response.text()}`)
  return response.status() === 204 || response.status() === 202 ? null : response.json()
}

/**
 * Makes `count` exchanges: sends a message and stops its reply at once (a user pressing Stop),
 * which keeps the conversation cheap in tokens; buys a token package through the no-money
 * "manual" gateway whenever the balance runs low. A send while the stopped reply still winds
 * down answers 409 and is tried again.
 */
async function makeConversation(page, projectId, count) {
  const bearer = await accessToken(page)
  const packages = await ok(await call(page, bearer, 'GET', '/api/v1/tokens/packages'), 'packages')
  const biggest = [...packages].sort((a, b) => b.tokens - a.tokens)[0]
  if (!biggest) fail('no token packages to buy')
  let purchases = 0
  for (let n = 1; n <= count; n++) {
    for (let attempt = 0; ; attempt++) {
      const sent = await call(page, bearer, 'POST', '/api/v1/chat/send', {
        projectId,
        message: `Message ${String(n).padStart(4, '0')}`,
      })
      if (sent.status() === 201) {
        const { id } = await sent.json()
        await ok(await call(page, bearer, 'POST', `/api/v1/chat/stop/${id}`), 'stop')
        break
      }
      if (attempt > 200) await ok(sent, `send ${n}`)
      if (sent.status() === 402) {
        await ok(
          await call(page, bearer, 'POST', '/api/v1/tokens/purchase', {
            packageId: biggest.id,
            gateway: 'manual',
          }),
          'purchase',
        )
        purchases++
      } else if (sent.status() === 409) {
        await sleep(5)
      } else {
        await ok(sent, `send ${n}`)
      }
    }
  }
  return purchases
}

/** Scrolls the list by `step` px a frame for `frames` frames; the frame times, sorted. */
async function scrollFrames(list, step, frames) {
  return list.evaluate(
    (el, { step, frames }) =>
      new Promise((resolve) => {
        const times = []
        let last = performance.now()
        let left = frames
        const tick = (now) => {
          times.push(now - last)
          last = now
          el.scrollTop += step
          if (--left > 0) globalThis.requestAnimationFrame(tick)
          else resolve(times.sort((a, b) => a - b))
        }
        globalThis.requestAnimationFrame((now) => {
          last = now
          globalThis.requestAnimationFrame(tick)
        })
      }),
    { step, frames },
  )
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]

export const tests = [
  {
    name: 'a conversation of 2,000 messages opens at the end and scrolls with a bounded DOM',
    async fn({ page, screenshot }) {
      await registerInBrowser(page, { name: 'Talker', email: randomEmail('e2e-chat') })
      await page.getByLabel('Project name', { exact: true }).fill('Long talk')
      await page.getByRole('button', { name: 'Create project' }).click()
      const link = page
        .getByRole('list', { name: 'Projects' })
        .getByRole('link', { name: 'Long talk' })
      await visible(link)
      const href = await link.getAttribute('href')
      const projectId = href.split('/').at(-1)

      const made = Date.now()
      const purchases = await makeConversation(page, projectId, EXCHANGES)
      const listed = await ok(
        await call(page, await accessToken(page), 'GET', `/api/v1/chat/messages/${projectId}`),
        'messages',
      )
      if (listed.length !== 2 * EXCHANGES) fail(`the server lists ${listed.length} messages`)
      console.log(
        `      made ${listed.length} messages through the API in ${((Date.now() - made) / 1000).toFixed(1)} s (${purchases} token purchases)`,
      )

      // open: the newest messages are drawn, and only a few of them
      const started = Date.now()
      await link.click()
      const log = page.getByRole('log', { name: 'Conversation' })
      const last = `Message ${String(EXCHANGES).padStart(4, '0')}`
      await visible(log.getByText(last, { exact: true }))
      const openMs = Date.now() - started
      const items = log.locator('.message-list__item')
      const articles = log.getByRole('article')
      const drawnAtOpen = await items.count()
      if (drawnAtOpen > MAX_DRAWN) fail(`${drawnAtOpen} messages in the DOM at open`)
      if ((await articles.count()) !== drawnAtOpen) fail('every drawn item holds one message')
      await screenshot('long-conversation-open')

      // the list is at its end: no "Scroll to bottom" button
      await expectCount(page.getByRole('button', { name: /Scroll to bottom/ }), 0)

      // scroll up through a good part of it, a step per frame, and measure the frames
      const list = page.locator('.message-list')
      await list.hover()
      const up = await scrollFrames(list, -600, 120)
      let maxDrawn = await items.count()
      // scrolled up: the way back appears
      await visible(page.getByRole('button', { name: /Scroll to bottom/ }))
      const down = await scrollFrames(list, 600, 60)
      maxDrawn = Math.max(maxDrawn, await items.count())
      if (maxDrawn > MAX_DRAWN) fail(`${maxDrawn} messages in the DOM while scrolling`)
      const frames = [...up, ...down].sort((a, b) => a - b)

      // the first message is there to scroll to
      await list.evaluate((el) => {
        el.scrollTop = 0
      })
      await visible(log.getByText('Message 0001', { exact: true }))
      await eventually(async () => {
        const n = await items.count()
        if (n > MAX_DRAWN) fail(`${n} messages in the DOM at the top`)
      })
      if ((await log.getByText(last, { exact: true }).count()) !== 0) {
        fail('the newest message is still in the DOM at the top')
      }
      // a message's button takes the keyboard focus as usual
      const firstDelete = log.getByRole('button', { name: 'Delete' }).first()
      await firstDelete.focus()
      if (!(await firstDelete.evaluate((el) => el === globalThis.document.activeElement))) {
        fail('a message button did not take the focus')
      }
      await screenshot('long-conversation-top')

      // back to the end with the button
      await page.getByRole('button', { name: /Scroll to bottom/ }).click()
      await visible(log.getByText(last, { exact: true }))
      await expectCount(page.getByRole('button', { name: /Scroll to bottom/ }), 0)
      const atEnd = await list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)
      if (atEnd > 48) fail(`${atEnd}px short of the end after "Scroll to bottom"`)

      console.log(
        `      ${listed.length}-message conversation: open to last message drawn ${openMs} ms, ` +
          `${drawnAtOpen} messages in the DOM (max ${maxDrawn} while scrolling); ` +
          `frame time scrolling 600 px/frame over ${frames.length} frames: ` +
          `median ${pct(frames, 0.5).toFixed(1)} ms, p95 ${pct(frames, 0.95).toFixed(1)} ms, ` +
          `max ${frames.at(-1).toFixed(1)} ms`,
      )
    },
  },
]
