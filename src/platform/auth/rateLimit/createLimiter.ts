import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

import { getSharedRedis } from '../../cache/redisClient'
import type { RateLimitRule } from '../../config'

/** A limiter kept in Redis when REDIS_URL is set (shared by every instance), else in this process. */
export const createLimiter = (rule: RateLimitRule, keyPrefix: string): RateLimiterAbstract => {
  const memory = new RateLimiterMemory({ points: rule.points, duration: rule.durationSeconds, keyPrefix })
  const redis = getSharedRedis()
  if (!redis) return memory
  // If Redis is unreachable, limit per process rather than not at all.
  return new RateLimiterRedis({
    storeClient: redis,
    points: rule.points,
    duration: rule.durationSeconds,
    keyPrefix,
    insuranceLimiter: memory,
  })
}

/**
 * Counts one request against `key`: 0 when it is allowed, past the limit the seconds to wait (at
 * least 1). A store failure beyond the in-process fallback is thrown. Free of Payload, so that
 * server.ts's per-IP limit does not load it (consumeOrRefuse throws Payload's 429 on top of this).
 */
export const secondsToWaitAfter = async (limiter: RateLimiterAbstract, key: string): Promise<number> => {
  try {
    await limiter.consume(key)
    return 0
  } catch (error) {
    if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000))
    throw error
  }
}
