import type { CollectionAfterOperationHook } from 'payload'

import { recordEvent } from '@/platform/events'
import { publishSessionEvent } from '@/platform/realtime'
import { sessionEndedEvent } from '@/platform/auth/events/sessionEndedEvent'

/** Payload's reset clears every session of the user; their sockets are told to go. */
export const announcePasswordReset: CollectionAfterOperationHook = async ({ operation, req, result }) => {
  if (operation !== 'resetPassword') return result
  const userId = (result as { user?: { id?: number | string } } | undefined)?.user?.id
  if (userId !== undefined) {
    // After Payload's commit (afterOperation): recorded on its own, just after the reset.
    await recordEvent(req, sessionEndedEvent({ userId, reason: 'password-reset' }))
    await publishSessionEvent({ type: 'session.revoked', userId: String(userId), reason: 'password-reset' })
  }
  return result
}
