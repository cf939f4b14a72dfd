import type { Endpoint } from 'payload'

import { publishSessionEvent } from '../../realtime'
import { databaseQuery } from '../databaseQuery'
import { sessionIdOfUser } from '../sessionIdOf'
import { revokeSessions } from '../tokens/sessionStore'
import { unauthorized } from './responses'

/** POST /api/auth/logout (Bearer) -> 204; this session's tokens stop working at once. */
export const logoutEndpoint: Endpoint = {
  path: '/auth/logout',
  method: 'post',
  handler: async (req) => {
    const user = req.user
    const sid = sessionIdOfUser(user)
    if (!user || !sid) return unauthorized()
    const revoked = await revokeSessions(databaseQuery(req.payload), { userId: user.id, sids: [sid] })
    await publishSessionEvent({ type: 'session.revoked', userId: String(user.id), reason: 'logout', sessionIds: revoked })
    return new Response(null, { status: 204 })
  },
}

/** POST /api/auth/logout-all (Bearer) -> 204; every session of the user ends, every socket is told. */
export const logoutAllEndpoint: Endpoint = {
  path: '/auth/logout-all',
  method: 'post',
  handler: async (req) => {
    const user = req.user
    if (!user) return unauthorized()
    await revokeSessions(databaseQuery(req.payload), { userId: user.id })
    await publishSessionEvent({ type: 'session.revoked', userId: String(user.id), reason: 'logout-all' })
    return new Response(null, { status: 204 })
  },
}
