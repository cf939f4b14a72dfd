import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import { getAppConfig } from '../../config'
import { consumeOrRefuse } from './consumeOrRefuse'
import { createLimiter } from './createLimiter'

type Limiters = { perIp: RateLimiterAbstract; perAccount: RateLimiterAbstract }

let limiters: Limiters | undefined

const getLimiters = (): Limiters => {
  const { rateLimits } = getAppConfig().identity
  limiters ??= {
    perIp: createLimiter(rateLimits.perIp, 'rl:auth:ip'),
    perAccount: createLimiter(rateLimits.perAccount, 'rl:auth:account'),
  }
  return limiters
}

const accountKey = (account: string): string => account.trim().toLowerCase()

/**
 * Counts one sign-in attempt against the client IP and/or the account, whichever is given.
 * Throws TooManyRequestsError past either limit (stored in Redis, so it holds across instances).
 * The account's count is cleared by a successful sign-in (clearSignInFailures), so what adds up
 * there are failed attempts only: signing in often never locks an owner out.
 */
export const consumeSignInAttempt = async ({ ip, account }: { ip?: string; account?: string }): Promise<void> => {
  const { perIp, perAccount } = getLimiters()
  if (ip) await consumeOrRefuse(perIp, ip)
  if (account) await consumeOrRefuse(perAccount, accountKey(account))
}

/** After a successful sign-in or a completed password reset: the account starts afresh. */
export const clearSignInFailures = async (account: string): Promise<void> => {
  await getLimiters().perAccount.delete(accountKey(account))
}
