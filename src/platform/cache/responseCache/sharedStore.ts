import { getAppConfig } from '../../config'
import { READ_AFTER_WRITE_MS } from '../../database/readAfterWrite'
import { createLogger } from '../../observability/logger'
import { databaseScope } from '../databaseScope'
import { createMemoryStore } from './memoryStore'
import { createRedisStore } from './redisStore'
import type { ResponseStore } from './responseStore'

type Holder = { store?: ResponseStore | null }

// One store per process, though server.ts and Next's bundle each load this module.
const holder = ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.responseCache.store')] ??= {}) as Holder

/**
 * While Redis is away every request fails the same way: the connection watcher says "lost" and
 * "restored" once each; single failed commands are only worth a debug line.
 */
const debugErrorLog = () => {
  const logger = createLogger('response-cache')
  return (error: unknown, action: string) =>
    logger.debug({ action, reason: error instanceof Error ? error.message : String(error) }, 'Redis command failed: serving uncached')
}

/** The process's response store: Redis with REDIS_URL, memory without; null when CACHE_ENABLED=false. */
export const getResponseStore = (): ResponseStore | null => {
  if (holder.store !== undefined) return holder.store
  const { services, database } = getAppConfig()
  const { redisUrl, cache } = services
  holder.store = !cache.enabled
    ? null
    : redisUrl
      ? createRedisStore({
          url: redisUrl,
          prefix: `cms:rc:${databaseScope()}:`,
          onError: debugErrorLog(),
          settleMs: database.readReplicaUrls.length > 0 ? READ_AFTER_WRITE_MS : 0,
        })
      : // One instance: it reads from the primary for a moment after each of its writes.
        createMemoryStore()
  return holder.store
}
