/**
 * `node dist/migrate.js` (`npm run migrate:compiled`): the release step of the image, what
 * `payload migrate` does. It starts dist/migrate-run.js (scripts/migrateRun.ts) under
 * `--conditions=production`, which that bundle needs to load reliably (see there), so operators
 * need no flag of their own. Passes signals on and exits with the child's code.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const run = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrate-run.js')
// Migrations may rewrite large tables: the request-sized statement timeout does not apply to them.
const child = spawn(process.execPath, ['--conditions=production', run, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, DB_STATEMENT_TIMEOUT_MS: '0' },
})
const forward = (signal: NodeJS.Signals) => child.kill(signal)
process.on('SIGINT', forward)
process.on('SIGTERM', forward)
child.on('error', (error) => {
  console.error(`could not start ${run}: ${error.message}`)
  process.exit(1)
})
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + 15 : 1)))
