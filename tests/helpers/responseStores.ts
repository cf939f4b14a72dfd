import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'

import { createRedisStore } from '@/platform/cache/responseCache/redisStore'
import type { ResponseStore } from '@/platform/cache/responseCache/responseStore'
import { REDIS_URL } from './redis'

/**
 * Redis response stores for one spec file, on the shared Redis under a prefix of their own:
 * `newStore` answers once its connection is up (the store fails fast rather than queue commands
 * while connecting); `cleanUp` closes them and deletes their keys.
 */
export const redisResponseStores = () => {
  const prefix = `test:rc:${randomBytes(4).toString('hex')}:`
  const stores: ResponseStore[] = []
  const newStore = async (): Promise<ResponseStore> => {
    const store = createRedisStore({ url: REDIS_URL, prefix, onError: () => undefined })
    stores.push(store)
    for (let attempt = 0; ; attempt++) {
      try {
        await store.lookupTracked('probe')
        return store
      } catch (error) {
        if (attempt === 100) throw error
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    }
  }
  const cleanUp = async () => {
    await Promise.all(stores.map((store) => store.close()))
    const redis = new Redis(REDIS_URL)
    const keys = await redis.keys(`${prefix}*`)
    if (keys.length) await redis.del(...keys)
    redis.disconnect()
  }
  return { newStore, cleanUp }
}
