import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { openPage, screenshotOnFailure } from '../../helpers/browser'
import { startBrowserStack, type BrowserStack } from '../../helpers/browserStack'
import type { RunningServer } from '../../helpers/serverProcess'

/** Swagger UI at /api/docs in a real browser, against the compiled server. */

let stack: BrowserStack
let server: RunningServer
let browser: Browser
const pages: Page[] = []

beforeAll(async () => {
  stack = await startBrowserStack('api-docs-e2e')
  ;({ server, browser } = stack)
}, 600_000)

afterAll(async () => {
  await stack?.stop()
})

describe('/api/docs', () => {
  it('renders Swagger UI with the operations of the API, every asset loaded', async () => {
    screenshotOnFailure('api-docs-renders', () => pages)
    const { page } = await openPage(browser)
    pages.push(page)
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('requestfailed', (request) => {
      // A navigation cancels the favicon fetch still in flight: aborted is not failed.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${request.url()}`)
    })
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`)
    })

    // localhost, as in the other browser tests: SERVER_URL is http://localhost:<port>. Swagger UI
    // renders only the operations in view, so deep links (`#/<tag>/<operationId>`) bring them up.
    const docs = `http://localhost:${server.port}/api/docs`
    await page.goto(`${docs}#/anime/getApiAnimeSearch`)
    const title = page.locator('.swagger-ui .info .title')
    await title.waitFor()
    expect(await title.innerText()).toContain('Kitsu & FrankenJet API')

    const search = page.locator('#operations-anime-getApiAnimeSearch')
    await search.waitFor()
    expect(await search.getAttribute('class')).toContain('opblock-get')
    expect(await search.locator('.opblock-summary-path').innerText()).toContain('/api/anime/search')
    // Opened by the deep link: its documented parameters are listed.
    await search.locator('tr[data-param-name="genre"]').waitFor()

    // The whole document was loaded: one section per tag (collections, auth, globals, system).
    const tags = await page.evaluate(() => {
      const ui = (window as unknown as { ui: { specSelectors: { taggedOperations: () => { keySeq: () => { toArray: () => string[] } } } } })
        .ui
      return ui.specSelectors.taggedOperations().keySeq().toArray()
    })
    expect(tags).toEqual(expect.arrayContaining(['anime', 'auth', 'articles', 'users', 'system', 'globals/app-settings']))

    await page.goto(`${docs}#/auth/postApiAuthLogin`)
    await page.reload()
    const login = page.locator('#operations-auth-postApiAuthLogin')
    await login.waitFor()
    expect(await login.getAttribute('class')).toContain('opblock-post')
    expect(await login.locator('.opblock-summary-path').innerText()).toContain('/api/auth/login')

    expect(problems).toEqual([])
  })
})
