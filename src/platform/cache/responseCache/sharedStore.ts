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

/** While Redis is away every request would fail the same way: say it once per interval. */
const ERROR_LOG_INTERVAL_MS = 10_000

const throttledErrorLog = () => {
  const logger = createLogger('response-cache')
  let lastLogged = 0
  return (error: unknown, action: string) => {
    if (Date.now() - lastLogged < ERROR_LOG_INTERVAL_MS) return
    lastLogged = Date.now()
    logger.warn({ err: error, action }, 'Redis unavailable: serving uncached')
  }
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
          onError: throttledErrorLog(),
          settleMs: database.readReplicaUrls.length > 0 ? READ_AFTER_WRITE_MS : 0,
        })
      : // One instance: it reads from the primary for a moment after each of its writes.
        createMemoryStore()
  return holder.store
}
