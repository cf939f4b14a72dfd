import type { Endpoint } from 'payload'

import { actorOf, recordEventSql } from '../../events'
import { publishSessionEvent } from '../../realtime'
import { databaseQuery, databaseTransaction } from '../../database/sql'
import { sessionEndedEvent } from '../events/sessionEndedEvent'
import { sessionIdOfUser } from '../sessionIdOf'
import { listSessions, revokeSessions } from '../tokens/sessionStore'
import { errorResponse, unauthorized } from './responses'
import { listSessionsDocumentation, revokeSessionDocumentation } from './documentation'

/** GET /api/auth/sessions (Bearer) -> the caller's live sessions, the current one marked. */
export const listSessionsEndpoint: Endpoint = {
  path: '/auth/sessions',
  method: 'get',
  custom: { openapi: listSessionsDocumentation },
  handler: async (req) => {
    const user = req.user
    if (!user) return unauthorized()
    const sessions = await listSessions(databaseQuery(req.payload), user.id)
    return Response.json(sessions.map((session) => ({ ...session, current: session.id === sessionIdOfUser(user) })))
  },
}

/** DELETE /api/auth/sessions/:id (Bearer) -> 204; only one's own sessions (others' ids are 404). */
export const revokeSessionEndpoint: Endpoint = {
  path: '/auth/sessions/:id',
  method: 'delete',
  custom: { openapi: revokeSessionDocumentation },
  handler: async (req) => {
    const user = req.user
    if (!user) return unauthorized()
    const id = req.routeParams?.id
    if (typeof id !== 'string' || !id) return errorResponse(404, 'No such session.', 'id')
    const revoked = await databaseTransaction(req.payload, async (query) => {
      const sids = await revokeSessions(query, { userId: user.id, sids: [id] })
      const event = sessionEndedEvent({ userId: user.id, reason: 'session-revoked', sessionCount: sids.length, actor: actorOf(user) })
      if (sids.length > 0) await recordEventSql(query, event)
      return sids
    })
    if (revoked.length === 0) return errorResponse(404, 'No such session.', 'id')
    await publishSessionEvent({ type: 'session.revoked', userId: String(user.id), reason: 'session-revoked', sessionIds: revoked })
    return new Response(null, { status: 204 })
  },
}
