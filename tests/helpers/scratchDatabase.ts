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

export const createTestDatabase = async (label: string, template?: string): Promise<TestDatabase> => {
  const name = `test_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`
  await withAdmin((client) => client.query(`create database "${name}"${template ? ` template "${template}"` : ''}`))
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    drop: () => withAdmin((client) => client.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  }
}
