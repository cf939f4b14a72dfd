import type { Endpoint } from 'payload'

import { actorOf, recordEventSql } from '../../events'
import { publishSessionEvent } from '../../realtime'
import { databaseTransaction } from '../../database/sql'
import { sessionEndedEvent } from '../events/sessionEndedEvent'
import { sessionIdOfUser } from '../sessionIdOf'
import { revokeSessions } from '../tokens/sessionStore'
import { unauthorized } from './responses'
import { logoutDocumentation, logoutAllDocumentation } from './documentation'

/** POST /api/auth/logout (Bearer) -> 204; this session's tokens stop working at once. */
export const logoutEndpoint: Endpoint = {
  path: '/auth/logout',
  method: 'post',
  custom: { openapi: logoutDocumentation },
  handler: async (req) => {
    const user = req.user
    const sid = sessionIdOfUser(user)
    if (!user || !sid) return unauthorized()
    const revoked = await databaseTransaction(req.payload, async (query) => {
      const sids = await revokeSessions(query, { userId: user.id, sids: [sid] })
      const event = sessionEndedEvent({ userId: user.id, reason: 'logout', sessionCount: sids.length, actor: actorOf(user) })
      if (sids.length > 0) await recordEventSql(query, event)
      return sids
    })
    await publishSessionEvent({ type: 'session.revoked', userId: String(user.id), reason: 'logout', sessionIds: revoked })
    return new Response(null, { status: 204 })
  },
}

/** POST /api/auth/logout-all (Bearer) -> 204; every session of the user ends, every socket is told. */
export const logoutAllEndpoint: Endpoint = {
  path: '/auth/logout-all',
  method: 'post',
  custom: { openapi: logoutAllDocumentation },
  handler: async (req) => {
    const user = req.user
    if (!user) return unauthorized()
    await databaseTransaction(req.payload, async (query) => {
      const sids = await revokeSessions(query, { userId: user.id })
      await recordEventSql(
        query,
        sessionEndedEvent({ userId: user.id, reason: 'logout-all', sessionCount: sids.length, actor: actorOf(user) }),
      )
    })
    await publishSessionEvent({ type: 'session.revoked', userId: String(user.id), reason: 'logout-all' })
    return new Response(null, { status: 204 })
  },
}
