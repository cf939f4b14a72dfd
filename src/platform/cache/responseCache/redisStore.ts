import { Redis } from 'ioredis'

import { unwatchRedisConnection, watchRedisConnection } from '../watchRedisConnection'
import { decodeCachedResponse, encodeCachedResponse } from './cachedResponse'
import type { ResponseStore } from './responseStore'

/**
 * Reads the collection's generation, the entry under it and whether the generation is still
 * settling (bumped less than `settleMs` ago), in one round trip.
 */
const LOOKUP_SCRIPT = `
local generation = redis.call('GET', KEYS[1]) or '0'
local versioned = ARGV[1] .. ':' .. generation
return {versioned, redis.call('GET', versioned), redis.call('EXISTS', KEYS[2])}`

type LookupCommand = (generationKey: string, settlingKey: string, key: string) => Promise<[Buffer, Buffer | null, number]>
type RedisWithLookup = Redis & { responseCacheLookupBuffer: LookupCommand }

const RETRY_INVALIDATION_MS = 1_000

export type RedisStoreOptions = {
  url: string
  /** Prefix of every key, e.g. `cms:rc:<database scope>:`. */
  prefix: string
  onError: (error: unknown, action: string) => void
  /**
   * With read replicas: for this long after a change, misses of the changed collections are
   * served but not saved, since another instance may read them from a replica that has not replayed
   * the change yet. 0 (no replicas): saved at once.
   */
  settleMs?: number
}

/**
 * The shared cache in Redis. Its connection fails fast (no offline queue, short timeouts): when
 * Redis is away a request is served uncached rather than kept waiting, and ioredis reconnects by
 * itself. An invalidation that cannot reach Redis is retried until it lands (at once when the
 * connection is back), and this instance serves nothing from the cache until then, so entries
 * saved before the change cannot come back with Redis. Another instance that reconnects first may
 * serve such an entry until the retry lands (about a second); the TTL bounds the rest.
 *
 * Changes are also recorded in the database (CacheInvalidations): a sweeper in every instance
 * applies those its writer could not, and marks this store "behind" while it has not yet checked
 * them after a reconnect, so no instance serves an entry older than a committed change for longer
 * than a sweep interval.
 */
export const createRedisStore = ({ url, prefix, onError, settleMs = 0 }: RedisStoreOptions): ResponseStore => {
  const redis = new Redis(url, {
    connectionName: 'cms-response-cache',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 250,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  }) as RedisWithLookup
  // Lost/restored are logged once each by the watcher; a failed command reaches onError.
  watchRedisConnection(redis, 'cms-response-cache')
  redis.defineCommand('responseCacheLookup', { numberOfKeys: 2, lua: LOOKUP_SCRIPT })

  const generationKey = (collection: string) => `${prefix}gen:${collection}`
  const settlingKey = (collection: string) => `${prefix}settling:${collection}`
  const unsent = new Set<string>()
  let retry: NodeJS.Timeout | undefined
  let behind = false
  let connectedBefore = false
  const reconnectListeners: (() => void)[] = []

  const bump = async (collections: readonly string[]): Promise<void> => {
    const pipeline = redis.multi()
    for (const collection of collections) {
      pipeline.incr(generationKey(collection))
      if (settleMs > 0) pipeline.set(settlingKey(collection), '1', 'PX', settleMs)
    }
    const results = await pipeline.exec()
    const failed = results?.find(([error]) => error)
    if (!results || failed) throw failed?.[0] ?? new Error('invalidation was not executed')
  }

  const flushUnsent = () => {
    clearTimeout(retry)
    retry = undefined
    const collections = [...unsent]
    if (collections.length === 0) return
    bump(collections).then(
      () => collections.forEach((collection) => unsent.delete(collection)),
      () => scheduleRetry(),
    )
  }
  const scheduleRetry = () => {
    retry ??= setTimeout(flushUnsent, RETRY_INVALIDATION_MS)
    retry.unref()
  }
  redis.on('ready', () => {
    flushUnsent()
    if (connectedBefore) reconnectListeners.forEach((listener) => listener())
    connectedBefore = true
  })

  return {
    lookup: async (collection, key) => {
      // Until this instance's own missed invalidations have landed, its entries may be stale.
      if (unsent.size > 0) throw new Error('invalidations still pending')
      if (behind) throw new Error('recorded invalidations not yet applied')
      const [versioned, entry, settling] = await redis.responseCacheLookupBuffer(
        generationKey(collection),
        settlingKey(collection),
        `${prefix}${key}`,
      )
      return { versionedKey: settling ? null : versioned.toString(), hit: entry ? decodeCachedResponse(entry) : null }
    },
    save: async (versionedKey, response, ttlSeconds) => {
      await redis.set(versionedKey, encodeCachedResponse(response), 'EX', ttlSeconds)
    },
    invalidate: async (collections) => {
      try {
        await bump(collections)
        return true
      } catch (error) {
        onError(error, 'invalidate')
        collections.forEach((collection) => unsent.add(collection))
        scheduleRetry()
        return false
      }
    },
    apply: bump,
    shared: true,
    setBehind: (value) => {
      behind = value
    },
    onReconnect: (listener) => {
      reconnectListeners.push(listener)
    },
    close: async () => {
      clearTimeout(retry)
      unwatchRedisConnection('cms-response-cache')
      redis.disconnect()
    },
  }
}
