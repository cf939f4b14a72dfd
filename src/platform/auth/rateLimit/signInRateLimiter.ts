import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

import { getSharedRedis } from '../../cache/redisClient'
import { getAppConfig, type RateLimitRule } from '../../config'
import { TooManyRequestsError } from './TooManyRequestsError'

type Limiters = { perIp: RateLimiterAbstract; perAccount: RateLimiterAbstract }

let limiters: Limiters | undefined

const createLimiter = (rule: RateLimitRule, keyPrefix: string): RateLimiterAbstract => {
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

const getLimiters = (): Limiters => {
  const { rateLimits } = getAppConfig().identity
  limiters ??= {
    perIp: createLimiter(rateLimits.perIp, 'rl:auth:ip'),
    perAccount: createLimiter(rateLimits.perAccount, 'rl:auth:account'),
  }
  return limiters
}

/**
 * Counts one sign-in related attempt against the client IP and/or the account, whichever is given.
 * Throws TooManyRequestsError past either limit (stored in Redis, so it holds across instances).
 */
export const consumeSignInAttempt = async ({ ip, account }: { ip?: string; account?: string }): Promise<void> => {
  const { perIp, perAccount } = getLimiters()
  try {
    if (ip) await perIp.consume(ip)
    if (account) await perAccount.consume(account.trim().toLowerCase())
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new TooManyRequestsError(Math.max(1, Math.ceil(error.msBeforeNext / 1000)))
    }
    throw error
  }
}
