import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { payloadPools } from '@/platform/database/payloadPools'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'

/**
 * DATABASE_READ_REPLICA_URLS hands Payload's adapter its `readReplicas`. A second database stands in
 * for the replica: replication never fills it, so where a read lands is visible in its result.
 */

let replica: TestDatabase
let ctx: PayloadInt

beforeAll(async () => {
  replica = await createMigratedTestDatabase('read_replica')
  ctx = await initPayloadInt('read_primary', { DATABASE_READ_REPLICA_URLS: replica.url })
})

afterAll(async () => {
  // payload.destroy() leaves the replica pool open (the adapter holds one of its clients for good);
  // dropping the database ends those connections, and the pool's error listener logs it.
  await ctx?.cleanup()
  await replica?.drop()
})

const countGenres = async () => (await ctx.payload.find({ collection: 'genres', limit: 0 })).totalDocs

describe('read replicas', () => {
  it('opens a pool per replica and guards it against idle-connection errors', () => {
    const pools = payloadPools(ctx.payload)
    expect(pools.map(({ name }) => name)).toEqual(['primary', 'replica-1'])
    expect(pools[1]!.pool.options.connectionString).toBe(replica.url)
    for (const { pool } of pools) expect(pool.listenerCount('error')).toBeGreaterThan(0)
  })

  it('writes to the primary, reads its own writes from it for a moment, then reads from the replica', async () => {
    await ctx.payload.create({ collection: 'genres', data: { name: 'Written To The Primary' } })
    // Within readReplicasAfterWriteInterval (2 s) this instance reads from the primary.
    expect(await countGenres()).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 2_200))
    // Then reads go to the replica, which (here) never received the row.
    expect(await countGenres()).toBe(0)
  })

  it('keeps transactions on the primary', async () => {
    const req = { transactionID: await ctx.payload.db.beginTransaction() } as Parameters<typeof ctx.payload.find>[0]['req']
    try {
      expect((await ctx.payload.find({ collection: 'genres', limit: 0, req })).totalDocs).toBe(1)
    } finally {
      await ctx.payload.db.commitTransaction(req!.transactionID!)
    }
  })
})
