import pg from 'pg'
import { describe, expect, it } from 'vitest'

import { endPool } from '@/platform/database/endPool'

/** endPool against the shared PostgreSQL: what Payload's adapter leaves checked out must not hold shutdown. */

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'

const within = <T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> =>
  Promise.race([promise, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))])

describe('endPool', () => {
  it('ends a pool whose client was checked out and never given back (pool.end() alone waits forever)', async () => {
    const stuck = new pg.Pool({ connectionString: ADMIN_URL, max: 2 })
    const leftBehind = await stuck.connect()
    expect(await within(stuck.end(), 500)).toBe('timeout')
    leftBehind.release(true)

    const pool = new pg.Pool({ connectionString: ADMIN_URL, max: 2 })
    await pool.connect()
    await pool.query('select 1')
    const started = Date.now()
    expect(await within(endPool(pool), 2_000)).toBeUndefined()
    expect(Date.now() - started).toBeLessThan(1_000)
    expect(pool.totalCount).toBe(0)
  })

  it('lets a query that is running finish before the pool ends', async () => {
    const pool = new pg.Pool({ connectionString: ADMIN_URL, max: 2 })
    const client = await pool.connect()
    const running = client.query('select pg_sleep(0.4), 42 as answer').finally(() => client.release())
    await new Promise((resolve) => setTimeout(resolve, 50))
    await endPool(pool)
    expect((await running).rows[0].answer).toBe(42)
    expect(pool.totalCount).toBe(0)
  })
})
