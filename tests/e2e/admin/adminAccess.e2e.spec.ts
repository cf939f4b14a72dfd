import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAccountWithRole } from '../../helpers/accounts'
import { openPage, screenshotOnFailure } from '../../helpers/browser'
import { startBrowserStack, type BrowserStack } from '../../helpers/browserStack'
import type { RunningServer } from '../../helpers/serverProcess'
import type { TestDatabase } from '../../helpers/testDatabase'

/** The admin panel in a real browser: who may enter it, and what an editor finds there. */

const PASSWORD = 'admin-e2e-password'

let stack: BrowserStack
let database: TestDatabase
let server: RunningServer
let browser: Browser
const pages: Page[] = []

const createAccount = (email: string, role: 'editor' | 'user') =>
  createAccountWithRole({ serverUrl: server.url, databaseUrl: database.url, email, password: PASSWORD, role })

const signIn = async (email: string): Promise<Page> => {
  const { page } = await openPage(browser)
  pages.push(page)
  await page.goto(`${server.url}/admin/login`)
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(PASSWORD)
  await page.locator('button[type="submit"]').click()
  return page
}

beforeAll(async () => {
  stack = await startBrowserStack('admin-access-e2e')
  ;({ database, server, browser } = stack)
  await createAccount('editor@e2e.test', 'editor')
  await createAccount('reader@e2e.test', 'user')
})

afterAll(async () => {
  await stack?.stop()
})

describe('admin panel access', () => {
  it('lets an editor in, with the collections grouped in the navigation', async () => {
    screenshotOnFailure('editor-signs-in', () => pages)
    const page = await signIn('editor@e2e.test')
    await page.waitForURL(/\/admin\/?$/)
    const nav = page.locator('nav')
    for (const group of ['Anime', 'Aviation', 'Media'])
      await expect(nav.getByText(group, { exact: true }).first().isVisible()).resolves.toBe(true)
    await expect(nav.getByRole('link', { name: 'Articles' }).first().isVisible()).resolves.toBe(true)
    await expect(nav.getByRole('link', { name: 'Aircraft' }).first().isVisible()).resolves.toBe(true)
  })

  it('draws the account avatar in the header from the panel itself: no request to gravatar.com, no broken image', async () => {
    screenshotOnFailure('header-avatar', () => pages)
    const { page } = await openPage(browser)
    pages.push(page)
    const hosts = new Set<string>()
    page.on('request', (request) => hosts.add(new URL(request.url()).host))
    await page.goto(`${server.url}/admin/login`)
    await page.locator('#field-email').fill('editor@e2e.test')
    await page.locator('#field-password').fill(PASSWORD)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL(/\/admin\/?$/)
    await page.locator('header a[href$="/admin/account"]').first().waitFor()
    await page.waitForLoadState('networkidle')
    expect([...hosts].filter((host) => /gravatar/.test(host))).toEqual([])
    // Every image on the page loaded (a broken one has naturalWidth 0).
    const broken = await page
      .locator('img')
      .evaluateAll((images) =>
        (images as HTMLImageElement[]).filter((image) => !image.complete || image.naturalWidth === 0).map((image) => image.src),
      )
    expect(broken).toEqual([])
  })

  it("labels the anime list's airing status apart from the publication status", async () => {
    screenshotOnFailure('anime-list-columns', () => pages)
    const { accessToken } = await createAccountWithRole({
      serverUrl: server.url,
      databaseUrl: database.url,
      email: 'columns@e2e.test',
      password: PASSWORD,
      role: 'editor',
    })
    const created = await fetch(`${server.url}/api/anime`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ title: 'Columns Check', kind: 'tv', status: 'airing', _status: 'published' }),
    })
    expect(created.status).toBe(201)
    const page = await signIn('columns@e2e.test')
    await page.waitForURL(/\/admin\/?$/)
    await page.goto(`${server.url}/admin/collections/anime`)
    await page.locator('table thead th').first().waitFor()
    const headers = (await page.locator('table thead th').allInnerTexts()).map((text) => text.trim()).filter(Boolean)
    expect(headers).toContain('Airing status')
    expect(headers).toContain('Status')
    expect(new Set(headers).size).toBe(headers.length)
  })

  it('keeps a reader (role user) out', async () => {
    screenshotOnFailure('reader-kept-out', () => pages)
    const page = await signIn('reader@e2e.test')
    await page.waitForURL(/\/admin\/(unauthorized|login)/)
    await page.goto(`${server.url}/admin/collections/articles`)
    await page.waitForURL(/\/admin\/(unauthorized|login)/)
    expect(await page.locator('nav').getByRole('link', { name: 'Articles' }).count()).toBe(0)
  })
})
