import type { CollectionBeforeOperationHook } from 'payload'

import { setRetryAfter } from '../../../endpoints/responses'
import { consumeSignInAttempt, TooManyRequestsError } from '../../../rateLimit'
import { readRequestMeta } from '../../../requestMeta'

/**
 * Rate-limits every login and forgot-password, whichever route they come through (Payload's
 * /api/users/*, GraphQL, /api/auth/login), per client IP and per account.
 */
export const limitSignInAttempts: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login' && operation !== 'forgotPassword') return args
  if (req.context.signInAttemptCounted || !req.headers) return args
  const data = (args as { data?: { email?: unknown } }).data
  const account = typeof data?.email === 'string' ? data.email : undefined
  try {
    // An /api/auth/* request has had its IP counted already (withClientRateLimit).
    const ip = req.context.clientIpCounted ? undefined : readRequestMeta(req.headers).ip
    await consumeSignInAttempt({ ip, account })
  } catch (error) {
    if (error instanceof TooManyRequestsError) setRetryAfter(req, error.retryAfterSeconds)
    throw error
  }
  return args
}
