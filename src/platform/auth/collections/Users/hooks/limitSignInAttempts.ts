import type { CollectionBeforeOperationHook } from 'payload'

import { setRetryAfter } from '@/platform/auth/endpoints/responses'
import { consumePasswordResetRequest, consumeSignInAttempt, TooManyRequestsError } from '@/platform/auth/rateLimit'
import { readRequestMeta } from '@/platform/auth/requestMeta'

/**
 * Rate-limits every login and forgot-password, whichever route they come through (Payload's
 * /api/users/*, GraphQL, /api/auth/login). A login counts per client IP and per account (the
 * account's count is cleared when a sign-in succeeds: see clearSignInFailuresOnLogin); a
 * forgot-password counts in budgets of its own, so a locked-out owner can still reset.
 */
export const limitSignInAttempts: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'login' && operation !== 'forgotPassword') return args
  if (req.context.signInAttemptCounted || !req.headers) return args
  const data = (args as { data?: { email?: unknown } }).data
  const email = typeof data?.email === 'string' ? data.email : undefined
  try {
    if (operation === 'forgotPassword') {
      await consumePasswordResetRequest({ ip: readRequestMeta(req.headers).ip, email })
      return args
    }
    // An /api/auth/* request has had its IP counted already (withClientRateLimit).
    const ip = req.context.clientIpCounted ? undefined : readRequestMeta(req.headers).ip
    await consumeSignInAttempt({ ip, account: email })
  } catch (error) {
    if (error instanceof TooManyRequestsError) setRetryAfter(req, error.retryAfterSeconds)
    throw error
  }
  return args
}
