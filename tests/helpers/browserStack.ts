import type { Browser } from 'playwright-core'

import { launchBrowser } from './browser'
import { ensureProductionBuild } from './productionBuild'
import { startServer, TEST_SECRET, type RunningServer } from './serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from './testDatabase'

export type BrowserStack = {
  database: TestDatabase
  server: RunningServer
  browser: Browser
  /** Closes the browser, stops the server and drops the database. */
  stop: () => Promise<void>
}

/**
 * What every browser test stands on: the compiled server on a migrated database of its own, and
 * Chromium. If a part fails to start, the parts already started are stopped before it throws.
 */
export const startBrowserStack = async (label: string, env: Record<string, string> = {}): Promise<BrowserStack> => {
  ensureProductionBuild()
  const database = await createMigratedTestDatabase(label)
  let server: RunningServer | undefined
  try {
    server = await startServer({ SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url, ...env }, { compiled: true })
    const browser = await launchBrowser()
    const running = server
    return {
      database,
      server: running,
      browser,
      stop: async () => {
        await browser.close()
        await running.stop()
        await database.drop()
      },
    }
  } catch (error) {
    await server?.stop()
    await database.drop()
    throw error
  }
}
