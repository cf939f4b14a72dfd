import { createHash } from 'node:crypto'
import jwt from 'jsonwebtoken'

import { type AccessTokenSubject, hmacKeyOf, InvalidTokenError } from './accessToken'

/** Payload signs its own tokens (admin cookie, /api/users/login) with a key derived from the secret. */
const payloadSigningKey = (secret: string): string => createHash('sha256').update(secret).digest('hex').slice(0, 32)

/** Verifies a token issued by Payload's own login; it carries the user id and session id too. */
export const verifyPayloadToken = (token: string, secret: string): AccessTokenSubject => {
  let claims: string | jwt.JwtPayload
  try {
    claims = jwt.verify(token, hmacKeyOf(payloadSigningKey(secret)), { algorithms: ['HS256'] })
  } catch (error) {
    throw new InvalidTokenError(error instanceof Error ? error.message : 'unverifiable')
  }
  if (typeof claims === 'string' || claims.collection !== 'users') throw new InvalidTokenError('not a users token')
  if ((typeof claims.id !== 'number' && typeof claims.id !== 'string') || typeof claims.sid !== 'string') {
    throw new InvalidTokenError('no subject or session')
  }
  return { userId: String(claims.id), sid: claims.sid }
}
