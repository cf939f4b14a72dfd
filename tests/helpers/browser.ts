import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { onTestFailed } from 'vitest'

import { findChromium, missingChromiumMessage } from './chromium'

/** Screenshots of failed browser tests, kept as CI artefacts. */
export const SCREENSHOT_DIR = path.resolve('test-results', 'screenshots')

/** Headless, sandbox-less (CI runs as root), and quiet: the machine has no network to phone home to. */
export const launchBrowser = (): Promise<Browser> => {
  // Debian's Chromium: playwright cannot download its own browsers on this machine.
  const executablePath = findChromium()
  if (!executablePath) return Promise.reject(new Error(missingChromiumMessage()))
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** A fresh context (its own cookies) and page for one user; English UI, a desktop-sized window. */
export const openPage = async (browser: Browser): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 1000 } })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)
  return { context, page }
}

/**
 * Call at the start of a test: if it fails, each page still open gets a full-page screenshot in
 * test-results/screenshots/<test name>-<n>.png.
 */
export const screenshotOnFailure = (name: string, pages: () => Page[]): void => {
  onTestFailed(async () => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
    const base = name.replace(/[^\w-]+/g, '-').slice(0, 80)
    let n = 0
    for (const page of pages()) {
      if (page.isClosed()) continue
      n += 1
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${base}-${n}.png`), fullPage: true }).catch(() => undefined)
    }
  })
}
