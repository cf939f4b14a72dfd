/**
 * dist/migrate-run.js, started by dist/migrate.js (scripts/migrate.ts): applies pending migrations,
 * the same as `payload migrate`, without the Payload CLI. The CLI needs tsx, the TypeScript
 * sources and every dev dependency; the production image has none of them, so its release step
 * runs this bundle instead. The migrations are imported statically (migrations/index.ts, generated
 * by `payload migrate:create`), so they travel inside the bundle.
 * Exit code 0 when nothing is pending afterwards, 1 otherwise.
 *
 * It must run with `--conditions=production` (dist/migrate.js sees to it). Without the condition
 * Node resolves lexical's packages (imported by the rich-text editor in the config) to their
 * `*.node.mjs` entries, which pick the dev or prod build with a top-level `await import()`; on
 * Node 20 loading that graph stalls now and then and the process exits 13 having done nothing
 * (seen 3 runs in 4 here; the "silent no-op" of payloadcms/payload#17757). The condition selects
 * the plain prod builds.
 */
// First: reads .env and validates the configuration.
import '@/platform/cli/scriptEnv'
import payload, { type Migration } from 'payload'

import config from '../payload.config'
import { migrations } from '../migrations'
import { FatalError, runScript } from '@/platform/cli/runScript'

const main = async (): Promise<number> => {
  // What the CLI sets before it starts Payload: hooks and plugins can tell a migration run apart.
  process.env.PAYLOAD_MIGRATING = 'true'
  await payload.init({ config, disableOnInit: true })
  try {
    // The adapter's own migrate: same payload_migrations rows and batch numbers as `payload migrate`.
    // (Payload types a migration's arguments as unknown; the generated ones take the adapter's.)
    await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
    const { docs } = await payload.find({ collection: 'payload-migrations', limit: 0, pagination: false })
    const applied = new Set(docs.map((doc) => doc.name))
    const pending = migrations.filter((migration) => !applied.has(migration.name)).map((migration) => migration.name)
    if (pending.length > 0) throw new FatalError(`still pending after migrating: ${pending.join(', ')}`)
    payload.logger.info({ msg: `migrations up to date (${migrations.length} committed)` })
    return 0
  } finally {
    await payload.db.destroy?.()
  }
}

runScript('migrate', main)
