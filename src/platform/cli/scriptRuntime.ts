import path from 'node:path'
import { getPayload, type Payload, type SanitizedConfig } from 'payload'
import pino from 'pino'

import { effectiveDatabaseUrl, getAppConfig } from '../config'
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from '../database/embeddedPostgres'
import { inspectSchema } from '../database/inspectSchema'
import { listMigrationNames } from '../database/migrationFiles'
import { runMigrations } from '../database/runMigrations'
import { describe, FatalError } from './runScript'

export { FatalError, runScript } from './runScript'

export type ScriptPayload = { payload: Payload; close: () => Promise<void> }

const where = (url: string): string => {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`
  } catch {
    return 'the configured database'
  }
}

/**
 * Boots Payload for a command-line script the way the server finds its database (the script has
 * imported ./scriptEnv first, so the environment and `.env` files are read and validated):
 *  - DATABASE_URL or DB_HOST when set: it must answer and be fully migrated (`npm run migrate`);
 *  - otherwise the embedded PostgreSQL under .data/postgres: used as is when a running server
 *    already started it, else started here (and migrated, as server.ts does) and stopped on close.
 * Logs go to stderr, so stdout carries only what the script prints.
 */
export const bootScriptPayload = async (name: string, config: SanitizedConfig | Promise<SanitizedConfig>): Promise<ScriptPayload> => {
  const cwd = process.cwd()
  const app = getAppConfig()
  const logger = pino({ name, level: 'warn', base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination(2))
  const migrations = listMigrationNames(path.join(cwd, 'migrations'))
  const url = effectiveDatabaseUrl(app.database)

  let embedded: RunningEmbeddedPostgres | undefined
  let state
  try {
    state = await inspectSchema(url, migrations)
  } catch (error) {
    if (app.database.url) throw new FatalError(`cannot reach the database at ${where(url)}: ${describe(error)}`)
    // No DATABASE_URL/DB_HOST and nobody runs the embedded server: start it, as server.ts would.
    try {
      embedded = await startEmbeddedPostgres({ ...app.database.embedded, logger })
      await runMigrations(embedded.url, cwd)
      state = await inspectSchema(embedded.url, migrations)
    } catch (startError) {
      await embedded?.stop().catch(() => undefined)
      throw new FatalError(`no DATABASE_URL or DB_HOST, and the embedded PostgreSQL could not be used: ${describe(startError)}`)
    }
  }
  if (state.pending.length > 0 || !state.usersTableExists) {
    await embedded?.stop().catch(() => undefined)
    throw new FatalError(
      `the database at ${where(url)} is not migrated (${state.pending.length} pending migration(s)): run "npm run migrate" first`,
    )
  }

  let payload: Payload
  try {
    payload = await getPayload({ config: await config })
  } catch (error) {
    await embedded?.stop().catch(() => undefined)
    throw new FatalError(`Payload did not start: ${describe(error)}`)
  }
  return {
    payload,
    close: async () => {
      await payload.destroy().catch(() => undefined)
      await embedded?.stop().catch(() => undefined)
    },
  }
}
