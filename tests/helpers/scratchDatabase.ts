import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The shared PostgreSQL service; each test file gets its own database on it. */
const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'

export type TestDatabase = { url: string; name: string; drop: () => Promise<void> }

const withAdmin = async <T>(run: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/**
 * How long a drop waits for the database's connections to go before it forces them out. A pool a
 * test has just ended (pg's pool.end() resolves before its connections have closed) would otherwise
 * have its connection terminated mid-goodbye, and the FATAL it receives is thrown as an uncaught
 * 'error' of a pool no one listens to any more (it failed a CI run, all tests green). An ended
 * connection is gone well within the grace; those still open after it are forced out as before.
 */
const CLOSING_GRACE_MS = 300

const dropWhenClosed = async (client: pg.Client, name: string): Promise<void> => {
  const deadline = Date.now() + CLOSING_GRACE_MS
  while (Date.now() < deadline) {
    const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name])
    if (rows[0]?.n === 0) break
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  await client.query(`drop database if exists "${name}" with (force)`)
}

export const createTestDatabase = async (label: string, template?: string): Promise<TestDatabase> => {
  const name = `test_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`
  await withAdmin((client) => client.query(`create database "${name}"${template ? ` template "${template}"` : ''}`))
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    drop: () => withAdmin((client) => dropWhenClosed(client, name)),
  }
}
