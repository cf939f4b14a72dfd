import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import { databaseScope } from '../../cache/databaseScope'
import { getAppConfig } from '../../config'
import { consumeOrRefuse } from '../rateLimit/consumeOrRefuse'
import { createLimiter } from '../rateLimit/createLimiter'

let limiter: RateLimiterAbstract | undefined

const getLimiter = (): RateLimiterAbstract => {
  limiter ??= createLimiter(getAppConfig().twoFactor.codeAttempts, `rl:${databaseScope()}:2fa:account`)
  return limiter
}

/**
 * Counts one code attempt for an account, whichever challenge or session it comes with: six
 * digits are guessable only at a rate this budget forbids. A correct code clears the count.
 */
export const consumeCodeAttempt = async (userId: string | number): Promise<void> => {
  await consumeOrRefuse(getLimiter(), String(userId))
}

export const clearCodeAttempts = async (userId: string | number): Promise<void> => {
  await getLimiter().delete(String(userId))
}
