import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { poolQuery } from '@/platform/database/sql'
import { startInvalidationSweeper, type InvalidationSweeper } from '@/platform/cache/responseCache/invalidationSweeper'
import { createRedisStore } from '@/platform/cache/responseCache/redisStore'
import type { ResponseStore } from '@/platform/cache/responseCache/responseStore'
import { createLogger } from '@/platform/observability/logger'
import { REDIS_PORT, REDIS_URL } from '../../../helpers/redis'
import { waitFor } from '../../../helpers/serverProcess'
import { startTcpProxy, type TcpProxy } from '../../../helpers/tcpProxy'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'

/**
 * The sweeper on the real PostgreSQL and Redis: it applies invalidations recorded in
 * `cache_invalidations` by whoever wrote them, deletes them, and keeps an instance whose Redis
 * link has just come back from serving hits until it has applied what was recorded meanwhile.
 */

const prefix = `test:sweep:${randomBytes(4).toString('hex')}:`
const logger = createLogger('test-sweeper')
let database: TestDatabase
let pool: Pool
let proxy: TcpProxy
const stores: ResponseStore[] = []
const sweepers: InvalidationSweeper[] = []

const newStore = async (url: string) => {
  const store = createRedisStore({ url, prefix, onError: () => undefined })
  stores.push(store)
  expect(
    await waitFor(
      async () =>
        store.lookup('probe', 'probe').then(
          () => true,
          () => false,
        ),
      10_000,
      50,
    ),
  ).toBe(true)
  return store
}

const generationOf = (store: ResponseStore, name: string) => store.lookup(name, 'probe').then(({ versionedKey }) => versionedKey)
/** The generation once the store answers again (it refuses while it may be behind). */
const settledGenerationOf = async (store: ResponseStore, name: string) => {
  let key: string | null | undefined
  await waitFor(
    async () => {
      key = await generationOf(store, name).catch(() => undefined)
      return key !== undefined
    },
    5_000,
    20,
  )
  return key
}

const record = (names: string[]) => pool.query('INSERT INTO cache_invalidations (generations) VALUES ($1::jsonb)', [JSON.stringify(names)])

const pendingCount = async () =>
  Number((await pool.query<{ count: string }>('SELECT count(*) AS count FROM cache_invalidations')).rows[0]?.count)

beforeAll(async () => {
  database = await createMigratedTestDatabase('cache-sweeper')
  pool = new Pool({ connectionString: database.url, max: 2 })
  proxy = await startTcpProxy(REDIS_PORT)
})

afterAll(async () => {
  await Promise.all(sweepers.map((sweeper) => sweeper.stop()))
  await Promise.all(stores.map((store) => store.close()))
  await proxy?.close()
  await pool?.end()
  await database?.drop()
  const redis = new Redis(REDIS_URL)
  const keys = await redis.keys(`${prefix}*`)
  if (keys.length) await redis.del(...keys)
  redis.disconnect()
})

describe('invalidation sweeper', () => {
  it('applies what any writer recorded, once per record, and deletes it', async () => {
    const store = await newStore(REDIS_URL)
    const sweeper = startInvalidationSweeper({ query: poolQuery(pool), store, intervalMs: 50, logger })
    const before = await settledGenerationOf(store, 'anime')
    await record(['anime', 'globals/app-settings'])
    expect(await waitFor(async () => (await pendingCount()) === 0, 5_000, 50)).toBe(true)
    expect(await settledGenerationOf(store, 'anime')).not.toBe(before)
    await sweeper.stop()
  })

  it('after its link comes back, an instance serves no hit until it has applied what was recorded meanwhile', async () => {
    const store = await newStore(`redis://127.0.0.1:${proxy.port}`)
    // Far beyond the test: only the reconnect can make this sweeper apply anything.
    sweepers.push(startInvalidationSweeper({ query: poolQuery(pool), store, intervalMs: 600_000, logger }))
    expect(
      await waitFor(
        async () =>
          store.lookup('anime', 'probe').then(
            () => true,
            () => false,
          ),
        5_000,
        50,
      ),
    ).toBe(true)
    const before = await settledGenerationOf(store, 'anime')

    proxy.cut()
    await record(['anime'])
    await expect(store.lookup('anime', 'probe')).rejects.toThrow()
    proxy.restore()

    const seen: (string | null)[] = []
    const deadline = Date.now() + 10_000
    while (Date.now() < deadline && (await pendingCount()) > 0) {
      const lookup = await store.lookup('anime', 'probe').catch(() => undefined)
      if (lookup) seen.push(lookup.versionedKey)
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect(await pendingCount()).toBe(0)
    seen.push((await settledGenerationOf(store, 'anime')) ?? null)
    // Not one lookup answered under the old generation once the link was back.
    expect(seen.filter((key) => key === before)).toEqual([])
  })
})
