import type { EventActor, NewEvent } from '../../events'
import type { SessionRevokedReason } from '../../realtime'

/**
 * The domain event for ended sessions: `user.logged_out_all` when every session of the user ends
 * by their choice, `session.revoked` otherwise. No session ids (they are bearer-token claims).
 */
export const sessionEndedEvent = ({
  userId,
  reason,
  sessionCount,
  actor = null,
}: {
  userId: string | number
  reason: SessionRevokedReason
  sessionCount?: number
  actor?: EventActor
}): NewEvent => ({
  type: reason === 'logout-all' ? 'user.logged_out_all' : 'session.revoked',
  collection: 'users',
  docId: String(userId),
  actor,
  data: { reason, ...(sessionCount === undefined ? {} : { sessionCount }) },
})
