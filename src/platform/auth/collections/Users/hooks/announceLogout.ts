import type { CollectionAfterLogoutHook } from 'payload'

import { actorOf, recordEvent } from '@/platform/events'
import { publishSessionEvent } from '@/platform/realtime'
import { sessionEndedEvent } from '@/platform/auth/events/sessionEndedEvent'
import { sessionIdOfUser } from '@/platform/auth/sessionIdOf'

/** Payload's own logout (admin panel, /api/users/logout[?allSessions=true]) tells the sockets too. */
export const announceLogout: CollectionAfterLogoutHook = async ({ req }) => {
  const user = req.user
  if (!user) return
  const sid = sessionIdOfUser(user)
  const allSessions = req.searchParams?.get('allSessions') === 'true'
  // Runs inside Payload's logout transaction: the event commits with the session removal.
  await recordEvent(req, sessionEndedEvent({ userId: user.id, reason: allSessions ? 'logout-all' : 'logout', actor: actorOf(user) }))
  await publishSessionEvent({
    type: 'session.revoked',
    userId: String(user.id),
    reason: allSessions ? 'logout-all' : 'logout',
    ...(allSessions || !sid ? {} : { sessionIds: [sid] }),
  })
}
