import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

import { getSharedRedis } from '../../cache/redisClient'
import type { RateLimitRule } from '../../config'
import { TooManyRequestsError } from './TooManyRequestsError'

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

/** Counts one request against `key`; past the limit throws TooManyRequestsError with the wait. */
export const consumeOrRefuse = async (limiter: RateLimiterAbstract, key: string): Promise<void> => {
  try {
    await limiter.consume(key)
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new TooManyRequestsError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)))
    }
    throw error
  }
}
