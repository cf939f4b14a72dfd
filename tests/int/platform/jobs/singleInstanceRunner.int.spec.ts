import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createSingleInstanceRunner, type SingleInstanceRunner } from '@/platform/jobs'
import { createTestDatabase, type TestDatabase } from '../../../helpers/scratchDatabase'

/** Several app instances, one job runner: elected with an advisory lock on the real PostgreSQL. */

let database: TestDatabase
const runners: SingleInstanceRunner[] = []

const newRunner = () => {
  const runner = createSingleInstanceRunner()
  runners.push(runner)
  return runner
}

beforeAll(async () => {
  database = await createTestDatabase('job_runner')
})

afterAll(async () => {
  await Promise.all(runners.map((runner) => runner.close()))
  await database?.drop()
})

describe('single-instance job runner', () => {
  it('lets exactly one instance run jobs, and hands over when it stops', async () => {
    const [a, b, c] = [newRunner(), newRunner(), newRunner()]
    expect(await a.shouldRun(database.url)).toBe(true)
    expect(await b.shouldRun(database.url)).toBe(false)
    expect(await c.shouldRun(database.url)).toBe(false)
    // Ticks go on: the holder keeps it, the others keep waiting.
    expect(await a.shouldRun(database.url)).toBe(true)
    expect(await b.shouldRun(database.url)).toBe(false)

    await a.close()
    const takeovers = [await b.shouldRun(database.url), await c.shouldRun(database.url)]
    expect(takeovers).toEqual([true, false])
  })

  it('hands over when the holder loses its database connection', async () => {
    const [first, second] = [newRunner(), newRunner()]
    // A previous test's holder may still hold the lock in this database: let it go.
    await Promise.all(runners.slice(0, -2).map((runner) => runner.close()))
    expect(await first.shouldRun(database.url)).toBe(true)
    expect(await second.shouldRun(database.url)).toBe(false)

    const admin = new pg.Client({ connectionString: database.url })
    await admin.connect()
    try {
      await admin.query(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = 'cms-job-runner-lock' and pid in (select pid from pg_locks where locktype = 'advisory' and granted)`,
      )
    } finally {
      await admin.end()
    }
    // The lock went with the connection: the other instance takes over; the old holder reconnects as a follower.
    const deadline = Date.now() + 5_000
    let tookOver = false
    while (!tookOver && Date.now() < deadline) tookOver = await second.shouldRun(database.url)
    expect(tookOver).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(await first.shouldRun(database.url)).toBe(false)
  })
})
