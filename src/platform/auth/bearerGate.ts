import type { SecurityConfig } from '../config'
import { type AccessTokenSubject, verifyAccessToken } from './tokens/accessToken'
import { verifyPayloadToken } from './tokens/payloadToken'
import { isPayloadSessionActive, isTokenSessionActive, type SqlQuery } from './tokens/sessionStore'

export type BearerVerdict =
  | { outcome: 'anonymous' }
  | { outcome: 'valid'; subject: AccessTokenSubject }
  | { outcome: 'invalid' }

/**
 * Judges the token a request or a socket presents: one of our access tokens or a Payload-issued
 * one, signed correctly, unexpired, and with its session still alive. Used by server.ts, where a
 * request carrying a bad token gets 401 before it reaches Next (Payload itself would quietly treat
 * it as anonymous).
 */
export const createTokenJudge =
  (security: SecurityConfig, query: SqlQuery) =>
  async (token: string | undefined): Promise<BearerVerdict> => {
    if (!token) return { outcome: 'anonymous' }
    try {
      const subject = verifyAccessToken(token, security)
      return (await isTokenSessionActive(query, subject)) ? { outcome: 'valid', subject } : { outcome: 'invalid' }
    } catch {
      // Not one of ours; perhaps Payload's own.
    }
    try {
      const subject = verifyPayloadToken(token, security.secret)
      return (await isPayloadSessionActive(query, subject)) ? { outcome: 'valid', subject } : { outcome: 'invalid' }
    } catch {
      return { outcome: 'invalid' }
    }
  }
