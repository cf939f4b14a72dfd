import type { CollectionAfterLoginHook, CollectionAfterOperationHook } from 'payload'

import { clearSignInFailures } from '@/platform/auth/rateLimit'

/** A successful sign-in: only failed attempts count towards the account's limit. */
export const clearSignInFailuresOnLogin: CollectionAfterLoginHook = async ({ user }) => {
  const email = (user as { email?: unknown }).email
  if (typeof email === 'string') await clearSignInFailures(email)
}

/**
 * A completed password reset lifts the account's rate-limit lockout (Payload's own reset clears
 * `lockUntil` and `loginAttempts`).
 */
export const clearSignInFailuresOnReset: CollectionAfterOperationHook = async ({ operation, req, result }) => {
  if (operation !== 'resetPassword') return result
  const user = (result as { user?: { id?: number | string; email?: unknown } } | undefined)?.user
  let email = user?.email
  if (typeof email !== 'string' && user?.id !== undefined) {
    email = (await req.payload.findByID({ collection: 'users', id: user.id, depth: 0, overrideAccess: true, req }))?.email
  }
  if (typeof email === 'string') await clearSignInFailures(email)
  return result
}
