import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { timeStep, totpCode } from '@/platform/auth/twoFactor/totp'
import { createAccountWithRole } from '../../helpers/accounts'
import { openPage, screenshotOnFailure } from '../../helpers/browser'
import { startBrowserStack, type BrowserStack } from '../../helpers/browserStack'
import type { RunningServer } from '../../helpers/serverProcess'

/** REQUIRE_STAFF_2FA=true in a real browser: an editor is walked through enrolment in the admin. */

const PASSWORD = 'admin-e2e-password'
const EDITOR = 'editor-2fa@e2e.test'

let stack: BrowserStack
let server: RunningServer
let browser: Browser
const pages: Page[] = []
let secret = ''

beforeAll(async () => {
  stack = await startBrowserStack('two-factor-e2e', { REQUIRE_STAFF_2FA: 'true' })
  ;({ server, browser } = stack)
  // Registration signs in through the token API, which is not stopped by the 2FA rule for role user.
  await createAccountWithRole({ serverUrl: server.url, databaseUrl: stack.database.url, email: EDITOR, password: PASSWORD, role: 'editor' })
})

afterAll(async () => {
  await stack?.stop()
})

const newPage = async (): Promise<Page> => {
  const { page } = await openPage(browser)
  pages.push(page)
  return page
}

const passwordStep = async (page: Page) => {
  await page.locator('#tf-email').fill(EDITOR)
  await page.locator('#tf-password').fill(PASSWORD)
  await page.getByRole('button', { name: 'Continue' }).click()
}

describe('two-factor sign-in in the admin panel', () => {
  it('keeps an editor without an authenticator out of the normal login and walks them through enrolment', async () => {
    screenshotOnFailure('two-factor-enrolment', () => pages)
    const page = await newPage()
    await page.goto(`${server.url}/admin/login`)
    await page.locator('#field-email').fill(EDITOR)
    await page.locator('#field-password').fill(PASSWORD)
    await page.locator('button[type="submit"]').click()
    // Payload shows the refusal's message, which says where to continue.
    await expect(
      page
        .getByText(/set up an authenticator at \/admin\/two-factor/)
        .first()
        .waitFor(),
    ).resolves.toBeUndefined()
    // No cookie was set: the admin still sends them to the login page.
    await page.goto(`${server.url}/admin/collections/articles`)
    await page.waitForURL(/\/admin\/login/)

    await page.getByRole('link', { name: 'Sign in with a code' }).click()
    await page.waitForURL(/\/admin\/two-factor/)
    await passwordStep(page)

    await page.getByAltText('QR code for your authenticator app').waitFor()
    const qr = await page.getByAltText('QR code for your authenticator app').getAttribute('src')
    expect(qr).toMatch(/^data:image\/png;base64,/)
    secret = (await page.getByTestId('two-factor-secret').textContent())?.trim() ?? ''
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)

    await page.locator('#tf-code').fill('000000' === totpCode(secret, timeStep()) ? '111111' : '000000')
    await page.getByRole('button', { name: 'Turn on and sign in' }).click()
    await page.getByRole('alert').waitFor()

    await page.locator('#tf-code').fill(totpCode(secret, timeStep()))
    await page.getByRole('button', { name: 'Turn on and sign in' }).click()
    const codes = page.getByTestId('recovery-codes').locator('li')
    await codes.first().waitFor()
    expect(await codes.count()).toBe(10)

    await page.getByRole('link', { name: 'Continue to the admin panel' }).click()
    await page.waitForURL(/\/admin\/?$/)
    // Signed in: the dashboard lists the editor's collections (the side navigation may start collapsed).
    await page.getByText('Articles', { exact: true }).first().waitFor()
    await page.goto(`${server.url}/admin/collections/articles`)
    await page.waitForURL(/\/admin\/collections\/articles/)
  })

  it('signs the enrolled editor in with a code from the app', async () => {
    screenshotOnFailure('two-factor-code', () => pages)
    expect(secret).not.toBe('')
    const page = await newPage()
    await page.goto(`${server.url}/admin/two-factor`)
    await passwordStep(page)
    await page.locator('#tf-code').fill(totpCode(secret, timeStep() + 1))
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/admin\/?$/)
    // Signed in: the dashboard lists the editor's collections (the side navigation may start collapsed).
    await page.getByText('Articles', { exact: true }).first().waitFor()
    await page.goto(`${server.url}/admin/collections/articles`)
    await page.waitForURL(/\/admin\/collections\/articles/)
  })
})
