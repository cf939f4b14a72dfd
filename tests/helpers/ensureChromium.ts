/**
 * `npm test`'s pretest step: the browser tests need Chromium. Found, or installed as .ci/run does (as
 * root with apt-get), or the run stops at once with the exact command to run, rather than failing
 * after minutes of other tests.
 */
import { ensureChromium } from './chromium'

try {
  const chromium = ensureChromium()
  console.log(`pretest: Chromium at ${chromium}`)
} catch (error) {
  console.error(`pretest: ${(error as Error).message}`)
  process.exit(1)
}
