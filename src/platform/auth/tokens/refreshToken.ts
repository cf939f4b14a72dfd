import { createHash, randomBytes } from 'node:crypto'

/**
 * A refresh token is `<session id>.<256 random bits>`. Only its SHA-256 is stored, so a database
 * leak does not leak usable tokens; the session id prefix finds the session without a scan.
 */
export const createRefreshToken = (sid: string): { token: string; hash: string } => {
  const token = `${sid}.${randomBytes(32).toString('base64url')}`
  return { token, hash: hashRefreshToken(token) }
}

export const hashRefreshToken = (token: string): string => createHash('sha256').update(token).digest('hex')

/** The session a refresh token claims to belong to, or undefined when it is not shaped like one. */
export const refreshTokenSession = (token: unknown): string | undefined => {
  if (typeof token !== 'string' || token.length > 200) return undefined
  const match = /^([0-9a-f-]{36})\.[A-Za-z0-9_-]{43}$/.exec(token)
  return match ? match[1] : undefined
}
