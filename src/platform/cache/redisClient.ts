import { Redis } from 'ioredis'

import { getAppConfig } from '../config'
import { watchRedisConnection } from './watchRedisConnection'

type RedisHolder = { client?: Redis }

// One client per process, also when Next's bundle and server.ts each load this module.
const holder: RedisHolder = ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.redis')] ??= {}) as RedisHolder

/**
 * The shared client's bound on a command: a blackholed link keeps the connection "ready" and never
 * answers, and without a bound a rate limit check would hang its request for good. (Not on the
 * subscriber: its only command, SUBSCRIBE at start-up, may wait for a slow first connection.)
 */
const COMMAND_TIMEOUT_MS = 1_000

/**
 * A new connection (a pub/sub subscriber needs its own). Commands fail fast instead of queueing
 * forever; errors are handled and state changes logged once (watchRedisConnection).
 */
export const createRedisClient = (url: string, connectionName: string, { commandTimeout }: { commandTimeout?: number } = {}): Redis =>
  watchRedisConnection(
    new Redis(url, {
      connectionName,
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      lazyConnect: false,
      commandTimeout,
    }),
    connectionName,
  )

/** The process's shared command connection, or undefined when REDIS_URL is not set. */
export const getSharedRedis = (): Redis | undefined => {
  const url = getAppConfig().services.redisUrl
  if (!url) return undefined
  holder.client ??= createRedisClient(url, 'cms', { commandTimeout: COMMAND_TIMEOUT_MS })
  return holder.client
}
