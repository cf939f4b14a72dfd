import type { PoolConfig } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

let ctx: PayloadInt

beforeAll(async () => {
  ctx = await initPayloadInt('pool', {
    DB_POOL_SIZE: '3',
    DB_MAX_OVERFLOW: '2',
    DB_POOL_RECYCLE: '60',
    DB_POOL_PRE_PING: 'false',
  })
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('database pool settings', () => {
  it('maps DB_POOL_* onto the node-postgres pool Payload uses', () => {
    const pool = (ctx.payload.db as unknown as { pool: { options: PoolConfig } }).pool
    expect(pool.options).toMatchObject({
      max: 5, // DB_POOL_SIZE + DB_MAX_OVERFLOW
      maxLifetimeSeconds: 60,
      keepAlive: false,
      idleTimeoutMillis: 600_000,
    })
  })

  it('serves queries through that pool', async () => {
    const result = await ctx.payload.find({ collection: 'users', limit: 1 })
    expect(result.totalDocs).toBe(0)
  })
})
