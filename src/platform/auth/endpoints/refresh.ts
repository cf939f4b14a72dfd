import type { Endpoint } from 'payload'

import type { User } from '@/payload-types'
import { recordEventSql } from '../../events'
import { publishSessionEvent } from '../../realtime'
import { databaseQuery, databaseTransaction } from '../../database/sql'
import { sessionEndedEvent } from '../events/sessionEndedEvent'
import { createRefreshToken, hashRefreshToken, refreshTokenSession } from '../tokens/refreshToken'
import { revokeSessions, rotateRefreshToken } from '../tokens/sessionStore'
import { accessTokenFor, refreshExpiry } from '../tokens/tokenSession'
import { ownProfile } from './publicUser'
import { handleKnownErrors, invalidField, readJsonObject, unauthorized } from './responses'
import { refreshDocumentation } from './documentation'

/**
 * POST /api/auth/refresh {refreshToken} -> 200 with a new pair; the presented token is spent.
 * A spent token presented again means it was copied: the whole session is revoked.
 */
export const refreshEndpoint: Endpoint = {
  path: '/auth/refresh',
  method: 'post',
  custom: { openapi: refreshDocumentation },
  handler: async (req) => {
    const body = await readJsonObject(req)
    if (!body || typeof body.refreshToken !== 'string' || !body.refreshToken) {
      return invalidField('refreshToken', 'refreshToken is required')
    }
    try {
      const sid = refreshTokenSession(body.refreshToken)
      if (!sid) return unauthorized('The refresh token is invalid or has expired.')
      const query = databaseQuery(req.payload)
      const next = createRefreshToken(sid)
      const result = await rotateRefreshToken(query, {
        sid,
        presentedHash: hashRefreshToken(body.refreshToken),
        nextHash: next.hash,
        nextExpiresAt: refreshExpiry(),
      })
      if (result.outcome === 'reused') {
        const revoked = await databaseTransaction(req.payload, async (transaction) => {
          const sids = await revokeSessions(transaction, { userId: result.userId, sids: [sid] })
          const event = sessionEndedEvent({ userId: result.userId, reason: 'refresh-reuse', sessionCount: sids.length })
          if (sids.length > 0) await recordEventSql(transaction, event)
          return sids
        })
        req.payload.logger.warn({ userId: result.userId, sid }, 'a spent refresh token was presented again: session revoked')
        await publishSessionEvent({ type: 'session.revoked', userId: result.userId, reason: 'refresh-reuse', sessionIds: revoked })
        return unauthorized('The refresh token has already been used; the session has been ended.')
      }
      if (result.outcome === 'invalid') return unauthorized('The refresh token is invalid or has expired.')
      const user = (await req.payload.findByID({ collection: 'users', id: result.userId, depth: 0, overrideAccess: true })) as User
      return Response.json({ user: ownProfile(user), ...accessTokenFor(user.id, sid), refreshToken: next.token })
    } catch (error) {
      return handleKnownErrors(req, error)
    }
  },
}
