/**
 * Import this FIRST in a command-line script (before payload.config): it reads the environment
 * and `.env` files the way `npm run dev` and `payload migrate` do (@next/env), then validates the
 * configuration, so a missing SECRET_KEY is one line on stderr and exit code 1, not a stack trace.
 *
 * It also makes the script fail closed: exit code 1 unless the script's own code sets another.
 */
import nextEnv from '@next/env'
import path from 'node:path'

import { ConfigError, getAppConfig } from '../config'
import { markStarted } from './markStarted'

process.exitCode = 1

nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV !== 'production', { info: () => {}, error: console.error })
try {
  getAppConfig()
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  const name = process.env.npm_lifecycle_event ?? path.basename(process.argv[1] ?? 'script')
  markStarted()
  process.stderr.write(`${name}: ${error.message}\n`)
  process.exit(1)
}
