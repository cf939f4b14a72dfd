import { createSecretKey, type KeyObject, randomUUID } from 'node:crypto'
import jwt from 'jsonwebtoken'

import type { SecurityConfig } from '../../config'

/** Who a valid access token speaks for: the user and the session (device) it was issued to. */
export type AccessTokenSubject = { userId: string; sid: string }

export class InvalidTokenError extends Error {
  constructor(reason: string) {
    super(`Invalid token: ${reason}`)
    this.name = 'InvalidTokenError'
  }
}

const ACCESS_TOKEN_TYPE = 'access'

type TokenSettings = Pick<SecurityConfig, 'secret' | 'algorithm' | 'accessTokenExpireMinutes'>

/** Signs a short-lived access token with SECRET_KEY and ALGORITHM. */
export const signAccessToken = (
  security: TokenSettings,
  { userId, sid }: { userId: string | number; sid: string },
): { token: string; expiresIn: number } => {
  const expiresIn = security.accessTokenExpireMinutes * 60
  const token = jwt.sign({ sid, typ: ACCESS_TOKEN_TYPE, collection: 'users' }, security.secret, {
    algorithm: security.algorithm,
    subject: String(userId),
    expiresIn,
    // Unique per token, so two tokens minted in the same second still differ.
    jwtid: randomUUID(),
  })
  return { token, expiresIn }
}

const hmacKeys = new Map<string, KeyObject>()

/**
 * The HMAC key of a secret, made once: given the string, jsonwebtoken first tries to parse it as a
 * public key on every verification (a failed parse and a throw, about a third of a token check's CPU).
 */
export const hmacKeyOf = (secret: string): KeyObject => {
  let key = hmacKeys.get(secret)
  if (!key) {
    key = createSecretKey(Buffer.from(secret))
    hmacKeys.set(secret, key)
  }
  return key
}

/**
 * Checks signature, algorithm (only the configured one: `none` and algorithm swaps are refused) and
 * expiry. Whether the session still exists is the caller's second question.
 */
export const verifyAccessToken = (token: string, security: TokenSettings): AccessTokenSubject => {
  let claims: string | jwt.JwtPayload
  try {
    claims = jwt.verify(token, hmacKeyOf(security.secret), { algorithms: [security.algorithm] })
  } catch (error) {
    throw new InvalidTokenError(error instanceof Error ? error.message : 'unverifiable')
  }
  if (typeof claims === 'string' || claims.typ !== ACCESS_TOKEN_TYPE) throw new InvalidTokenError('not an access token')
  if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') throw new InvalidTokenError('no subject or session')
  return { userId: claims.sub, sid: claims.sid }
}
