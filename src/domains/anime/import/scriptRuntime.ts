import path from 'node:path'
import { getPayload, type Payload, type SanitizedConfig } from 'payload'
import pino from 'pino'

import { effectiveDatabaseUrl, getAppConfig } from '../../../platform/config'
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from '../../../platform/database/embeddedPostgres'
import { inspectSchema } from '../../../platform/database/inspectSchema'
import { listMigrationNames } from '../../../platform/database/migrationFiles'
import { runMigrations } from '../../../platform/database/runMigrations'
import { markStarted } from './markStarted'

/** A problem that ends a script with exit code 1 and this one line. */
export class FatalError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FatalError'
  }
}

export type ScriptPayload = { payload: Payload; close: () => Promise<void> }

const describe = (error: unknown): string => {
  if (error instanceof AggregateError && error.errors.length > 0) return describe(error.errors[0])
  if (error instanceof Error) return error.message || (error as { code?: string }).code || error.name
  return String(error)
}

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
export const bootScriptPayload = async (
  name: string,
  config: SanitizedConfig | Promise<SanitizedConfig>,
): Promise<ScriptPayload> => {
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

/** One line for an unexpected error: Drizzle's "Failed query: <SQL>" is explained by its cause. */
const summarise = (error: unknown): string => {
  const cause = (error as { cause?: unknown } | undefined)?.cause
  const text = cause instanceof Error && cause.message ? cause.message : describe(error)
  return `${text.split('\n')[0]} (DEBUG=true shows the stack)`
}

/**
 * Exits once stdout and stderr are flushed: writes to a pipe are asynchronous, and a bare
 * `process.exit` would cut off the summary (and the seed's passwords) when the output is piped.
 */
const exitFlushed = (code: number): void => {
  process.removeAllListeners('beforeExit')
  process.exitCode = code
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
}

/** Runs a script's main: its exit code, or 1 with one line on stderr for a FatalError. */
export const runScript = (name: string, main: () => Promise<number>): void => {
  process.exitCode = 1
  markStarted()
  // Node exits (code 0!) when nothing is left to wait for, even if `main` never settled: say so.
  const stalled = () => {
    process.stderr.write(`${name}: stopped before finishing (a promise never settled; see payloadcms/payload#17757): run it again\n`)
    process.exitCode = 1
  }
  process.once('beforeExit', stalled)
  main().then(exitFlushed, (error: unknown) => {
    if (error instanceof FatalError) process.stderr.write(`${name}: ${error.message}\n`)
    else process.stderr.write(`${name}: failed: ${summarise(error)}\n${process.env.DEBUG === 'true' && error instanceof Error ? `${error.stack}\n` : ''}`)
    exitFlushed(1)
  })
}
