import type { CollectionBeforeOperationHook } from 'payload'

import { consumeSignInAttempt } from '../../../rateLimit'
import type { TooManyRequestsError } from '../../../rateLimit/TooManyRequestsError'
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
    await consumeSignInAttempt({ ip: readRequestMeta(req.headers).ip, account })
  } catch (error) {
    const retryAfter = (error as Partial<TooManyRequestsError>).retryAfterSeconds
    if (retryAfter) {
      // Payload's error response merges req.responseHeaders.
      req.responseHeaders = new Headers(req.responseHeaders)
      req.responseHeaders.set('Retry-After', String(retryAfter))
    }
    throw error
  }
  return args
}
