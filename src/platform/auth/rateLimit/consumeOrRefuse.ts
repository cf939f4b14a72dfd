import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import { secondsToWaitAfter } from './createLimiter'
import { TooManyRequestsError } from './TooManyRequestsError'

/** Counts one request against `key`; past the limit throws TooManyRequestsError with the wait. */
export const consumeOrRefuse = async (limiter: RateLimiterAbstract, key: string): Promise<void> => {
  const wait = await secondsToWaitAfter(limiter, key)
  if (wait > 0) throw new TooManyRequestsError(wait)
}
