import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import { databaseScope } from '../../cache/databaseScope'
import { getAppConfig } from '../../config'
import { consumeOrRefuse } from './consumeOrRefuse'
import { createLimiter } from './createLimiter'

type Limiters = { perEmail: RateLimiterAbstract; perIp: RateLimiterAbstract }

let limiters: Limiters | undefined

const getLimiters = (): Limiters => {
  const { rateLimits } = getAppConfig().identity
  const scope = databaseScope()
  limiters ??= {
    perEmail: createLimiter(rateLimits.resetPerEmail, `rl:${scope}:reset:email`),
    perIp: createLimiter(rateLimits.resetPerIp, `rl:${scope}:reset:ip`),
  }
  return limiters
}

/**
 * Counts one forgot-password request, per client IP and per email, in budgets of its own: failed
 * sign-ins never use them up, so an account locked by someone guessing its password can still be
 * reset by its owner.
 */
export const consumePasswordResetRequest = async ({ ip, email }: { ip?: string; email?: string }): Promise<void> => {
  const { perEmail, perIp } = getLimiters()
  if (ip) await consumeOrRefuse(perIp, ip)
  if (email) await consumeOrRefuse(perEmail, email.trim().toLowerCase())
}
