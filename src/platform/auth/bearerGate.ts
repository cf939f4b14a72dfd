import type { SecurityConfig } from '../config'
import { type AccessTokenSubject, verifyAccessToken } from './tokens/accessToken'
import { verifyPayloadToken } from './tokens/payloadToken'
import type { SqlQuery } from '../database/sql'
import { payloadSessionStatus, type SessionStatus, tokenSessionStatus } from './tokens/sessionStore'

export type BearerVerdict =
  | { outcome: 'anonymous' }
  /** `staff`: the user holds a staff role (reads drafts), so never shares an anonymous reader's cache. */
  | { outcome: 'valid'; subject: AccessTokenSubject; staff: boolean }
  | { outcome: 'invalid' }

type SessionLookup = (query: SqlQuery, subject: AccessTokenSubject) => Promise<SessionStatus>

/** The token's claims and how to look its session up, or undefined when no key we have signed it. */
const verifySignature = (token: string, security: SecurityConfig): { subject: AccessTokenSubject; isActive: SessionLookup } | undefined => {
  try {
    return { subject: verifyAccessToken(token, security), isActive: tokenSessionStatus }
  } catch {
    // Not one of ours; perhaps Payload's own.
  }
  try {
    return { subject: verifyPayloadToken(token, security.secret), isActive: payloadSessionStatus }
  } catch {
    return undefined
  }
}

/**
 * Judges the token a request or a socket presents: one of our access tokens or a Payload-issued
 * one, signed correctly, unexpired, and with its session still alive. Used by server.ts, where a
 * request carrying a bad token gets 401 before it reaches Next (Payload itself would quietly treat
 * it as anonymous).
 *
 * Only a token that is verifiably bad, expired or revoked is "invalid". When its session cannot be
 * looked up (the database is down or too slow) the lookup's error is thrown: the caller answers
 * 503 (HTTP) or 1011 (WebSocket), so a client never drops a good token because of our outage.
 */
export const createTokenJudge =
  (security: SecurityConfig, query: SqlQuery) =>
  async (token: string | undefined): Promise<BearerVerdict> => {
    if (!token) return { outcome: 'anonymous' }
    const verified = verifySignature(token, security)
    if (!verified) return { outcome: 'invalid' }
    const { active, staff } = await verified.isActive(query, verified.subject)
    return active ? { outcome: 'valid', subject: verified.subject, staff } : { outcome: 'invalid' }
  }
