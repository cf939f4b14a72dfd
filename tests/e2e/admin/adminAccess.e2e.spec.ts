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
    for (const group of ['Anime', 'Aviation', 'Media']) await expect(nav.getByText(group, { exact: true }).first().isVisible()).resolves.toBe(true)
    await expect(nav.getByRole('link', { name: 'Articles' }).first().isVisible()).resolves.toBe(true)
    await expect(nav.getByRole('link', { name: 'Aircraft' }).first().isVisible()).resolves.toBe(true)
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
