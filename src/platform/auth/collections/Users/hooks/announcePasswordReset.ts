import type { CollectionAfterOperationHook } from 'payload'

import { publishSessionEvent } from '../../../../realtime'

/** Payload's reset clears every session of the user; their sockets are told to go. */
export const announcePasswordReset: CollectionAfterOperationHook = async ({ operation, result }) => {
  if (operation !== 'resetPassword') return result
  const userId = (result as { user?: { id?: number | string } } | undefined)?.user?.id
  if (userId !== undefined) {
    await publishSessionEvent({ type: 'session.revoked', userId: String(userId), reason: 'password-reset' })
  }
  return result
}
