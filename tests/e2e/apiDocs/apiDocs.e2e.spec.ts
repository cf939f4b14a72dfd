import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { launchBrowser, openPage, screenshotOnFailure } from '../../helpers/browser'
import { ensureProductionBuild } from '../../helpers/productionBuild'
import { startServer, TEST_SECRET, type RunningServer } from '../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../helpers/testDatabase'

/** Swagger UI at /api/docs in a real browser, against the compiled server. */

let database: TestDatabase
let server: RunningServer
let browser: Browser
const pages: Page[] = []

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('api-docs-e2e')
  server = await startServer({ SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url }, { compiled: true })
  browser = await launchBrowser()
}, 600_000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await database?.drop()
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
    page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`))
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`)
    })

    // localhost, as in the other browser tests: SERVER_URL is http://localhost:<port>.
    await page.goto(`http://localhost:${server.port}/api/docs`)
    await page.locator('.swagger-ui .info .title').waitFor()
    expect(await page.locator('.swagger-ui .info .title').innerText()).toContain('Kitsu & FrankenJet API')

    const search = page.locator('.opblock.opblock-get', { has: page.locator('[data-path="/api/anime/search"]') })
    await search.first().waitFor()
    const login = page.locator('.opblock.opblock-post', { has: page.locator('[data-path="/api/auth/login"]') })
    await login.first().waitFor()
    expect(await page.locator('.opblock').count()).toBeGreaterThan(100)

    // Opening an operation shows its documented parameters.
    await search.first().locator('.opblock-summary').first().click()
    await search.first().locator('tr[data-param-name="genre"]').waitFor()

    expect(problems).toEqual([])
  })
})
