import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'

import { createMigratedTestDatabase, createTestDatabase, type TestDatabase } from '../../helpers/testDatabase'
import { runServerUntilExit, TEST_SECRET } from '../../helpers/serverProcess'
import { listMigrationNames } from '@/platform/database/migrationFiles'

const databases: TestDatabase[] = []
const committed = listMigrationNames('migrations')

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()))
})

/** The guard's JSON log line (pino) that explains the refusal. */
const refusalLog = (stdout: string) => {
  const line = stdout.split('\n').find((entry) => entry.includes('pending migration'))
  expect(line, stdout).toBeDefined()
  return JSON.parse(line as string) as Record<string, unknown>
}

describe('start-up guard', () => {
  it('has committed migrations to check against', () => {
    expect(committed.length).toBeGreaterThan(0)
  })

  it('refuses to serve an empty database and says where it looked', async () => {
    const database = await createTestDatabase('guard_empty')
    databases.push(database)
    const result = await runServerUntilExit({ SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url })
    expect(result.code).not.toBe(0)
    expect(result.stdout).not.toContain('"msg":"ready"')
    const log = refusalLog(result.stdout)
    expect(log).toMatchObject({ database: database.name, schema: 'public', lastApplied: null, usersTableExists: false })
    expect(log.pending).toEqual(committed)
    expect(log.msg).toContain('Refusing to serve')
  })

  it('refuses when a committed migration is not applied, naming the last applied one', async () => {
    const database = await createMigratedTestDatabase('guard_pending')
    databases.push(database)
    const newest = committed.at(-1) as string
    // Pretend the database was migrated by an older release: the newest migration is not applied.
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    await client.query(`update payload_migrations set name = '20200101_000000_older' where name = $1`, [newest])
    await client.end()

    const result = await runServerUntilExit({ SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url })
    expect(result.code).not.toBe(0)
    const log = refusalLog(result.stdout)
    expect(log).toMatchObject({
      database: database.name,
      schema: 'public',
      lastApplied: '20200101_000000_older',
      pending: [newest],
      usersTableExists: true,
    })
  })

  it('refuses when the database cannot be reached, without hanging', async () => {
    const started = Date.now()
    const result = await runServerUntilExit({
      SECRET_KEY: TEST_SECRET,
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/nowhere',
    })
    expect(result.code).not.toBe(0)
    expect(result.stdout).toContain('database is unreachable')
    expect(Date.now() - started).toBeLessThan(30_000)
  })
})
