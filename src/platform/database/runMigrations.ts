import { spawn } from 'node:child_process'
import path from 'node:path'

import { inspectSchema } from './inspectSchema'
import { listMigrationNames } from './migrationFiles'

// Silent no-op runs come in streaks on a busy machine (seen: three in a row in CI); each costs ~3 s.
const ATTEMPTS = 8

const runPayloadMigrate = (url: string, cwd: string, env: Record<string, string>): Promise<void> =>
  new Promise((resolve, reject) => {
    const bin = path.join(cwd, 'node_modules', '.bin', 'payload')
    const child = spawn(bin, ['migrate'], {
      cwd,
      // The production condition: lexical's default Node entries load through a top-level await
      // that on Node 20 sometimes stalls and ends the process with nothing done (scripts/migrateRun.ts).
      // Migrations may rewrite large tables: no request-sized statement timeout for them.
      env: {
        ...process.env,
        DB_STATEMENT_TIMEOUT_MS: '0',
        ...env,
        DATABASE_URL: url,
        NODE_OPTIONS: '--no-deprecation --conditions=production',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`payload migrate exited with code ${code}`))))
  })

/**
 * Runs `payload migrate` exactly as operators do, in a child process, against `url`, and checks
 * the result: the CLI occasionally exits 0 having done nothing (its config loader never settles;
 * payloadcms/payload#17757), so success means "no committed migration is pending afterwards".
 * Used by the embedded default and the tests; deployments run it as their release step.
 */
export const runMigrations = async (url: string, cwd: string, env: Record<string, string> = {}): Promise<void> => {
  const committed = listMigrationNames(path.join(cwd, 'migrations'))
  for (let attempt = 1; ; attempt++) {
    await runPayloadMigrate(url, cwd, env)
    const { pending } = await inspectSchema(url, committed)
    if (pending.length === 0) return
    if (attempt === ATTEMPTS) {
      throw new Error(`payload migrate left ${pending.length} migration(s) pending after ${ATTEMPTS} attempts: ${pending.join(', ')}`)
    }
  }
}
