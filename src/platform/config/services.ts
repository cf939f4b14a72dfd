import { ConfigError } from './ConfigError'
import { type Env, parseBoolean, parseInteger, readVar } from './parsers'

export type ServicesConfig = {
  /** redis://…; unset: rate limits and session fan-out stay in this process (one instance only). */
  redisUrl: string | undefined
  /** The response cache of public reads (Redis with REDIS_URL, else this process's memory). */
  cache: {
    enabled: boolean
    ttlSeconds: number
    /**
     * How often each instance applies invalidations a writer recorded but could not apply (its
     * Redis link was down): bounds how long a committed change can stay invisible elsewhere.
     */
    invalidationPollMs: number
    /** Cache-Control of shared public reads: how long browsers and CDNs may keep them. */
    http: { maxAgeSeconds: number; staleWhileRevalidateSeconds: number }
  }
  /**
   * How often each instance re-checks in the database that its WebSockets' sessions still exist
   * (besides at once when its Redis link comes back): bounds how long a revocation whose event
   * was lost keeps a socket open.
   */
  realtime: RealtimeConfig
}

/** Content subscriptions over `/ws` and `GET /api/realtime` (see src/platform/realtime). */
export type RealtimeConfig = {
  sessionRecheckMs: number
  /** Open subscriptions one WebSocket may hold. */
  maxSubscriptionsPerSocket: number
  /** Open WebSockets plus event streams one account may hold on one instance. */
  maxConnectionsPerUser: number
  /** Anonymous event streams one client address may hold on one instance. */
  maxStreamsPerAddress: number
  /** Bytes a client may leave unread; beyond them it is dropped (WebSocket 4408, stream ended). */
  maxBufferedBytes: number
  /** Recent changes each instance keeps for `Last-Event-ID` resume: how many, and for how long. */
  replayEvents: number
  replaySeconds: number
}

const readRedisUrl = (env: Env): string | undefined => {
  const raw = readVar(env, 'REDIS_URL')
  if (raw === undefined) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('REDIS_URL', `must look like redis://HOST:PORT/DB (got "${raw}")`)
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError('REDIS_URL', `must look like redis://HOST:PORT/DB (got "${raw}")`)
  }
  return raw
}

export const readServicesConfig = (env: Env): ServicesConfig => ({
  redisUrl: readRedisUrl(env),
  cache: {
    enabled: parseBoolean(env, 'CACHE_ENABLED', true),
    // A backstop only: changes invalidate at once. It bounds how stale view and favourite counters
    // in cached pages may get (they change without invalidating).
    ttlSeconds: parseInteger(env, 'CACHE_TTL_SECONDS', 60, { min: 1, max: 86_400 }),
    invalidationPollMs: parseInteger(env, 'CACHE_INVALIDATION_POLL_MS', 500, { min: 50, max: 60_000 }),
    // Unlike our cache, browsers and CDNs hear of no invalidation: max-age is how stale they may be.
    http: {
      maxAgeSeconds: parseInteger(env, 'HTTP_CACHE_MAX_AGE_SECONDS', 10, { min: 0, max: 86_400 }),
      staleWhileRevalidateSeconds: parseInteger(env, 'HTTP_CACHE_STALE_WHILE_REVALIDATE_SECONDS', 30, { min: 0, max: 86_400 }),
    },
  },
  realtime: {
    sessionRecheckMs: parseInteger(env, 'WS_SESSION_RECHECK_MS', 30_000, { min: 1_000, max: 3_600_000 }),
    maxSubscriptionsPerSocket: parseInteger(env, 'REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET', 20, { min: 1, max: 1_000 }),
    maxConnectionsPerUser: parseInteger(env, 'REALTIME_MAX_CONNECTIONS_PER_USER', 10, { min: 1, max: 10_000 }),
    maxStreamsPerAddress: parseInteger(env, 'REALTIME_MAX_STREAMS_PER_IP', 20, { min: 1, max: 100_000 }),
    maxBufferedBytes: parseInteger(env, 'REALTIME_MAX_BUFFERED_BYTES', 1_048_576, { min: 1_024, max: 268_435_456 }),
    replayEvents: parseInteger(env, 'REALTIME_REPLAY_EVENTS', 1_000, { min: 0, max: 100_000 }),
    replaySeconds: parseInteger(env, 'REALTIME_REPLAY_SECONDS', 300, { min: 1, max: 86_400 }),
  },
})
