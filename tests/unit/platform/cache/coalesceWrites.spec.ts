import type { Redis } from 'ioredis'
import { describe, expect, it } from 'vitest'

import { coalesceWrites } from '@/platform/cache/coalesceWrites'

/** A connection's socket that counts how deep it is corked, as Node's Writable does. */
const fakeRedis = (status = 'ready') => {
  const stream = { depth: 0, cork: () => void stream.depth++, uncork: () => void stream.depth-- }
  return { redis: { status, stream } as unknown as Redis, stream }
}
const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

describe('coalesceWrites', () => {
  it('corks the socket once for every command of a turn and uncorks it after the turn', async () => {
    const { redis, stream } = fakeRedis()
    for (let i = 0; i < 5; i++) coalesceWrites(redis)
    expect(stream.depth).toBe(1)
    await nextTurn()
    expect(stream.depth).toBe(0)
    coalesceWrites(redis)
    expect(stream.depth).toBe(1)
    await nextTurn()
    expect(stream.depth).toBe(0)
  })

  it('leaves a connection that is not ready alone (its commands fail or queue in ioredis)', async () => {
    const { redis, stream } = fakeRedis('connecting')
    coalesceWrites(redis)
    expect(stream.depth).toBe(0)
    await nextTurn()
    expect(stream.depth).toBe(0)
  })
})
