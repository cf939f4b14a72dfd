import { randomUUID } from 'node:crypto'
import jwt from 'jsonwebtoken'

import { deriveKey } from './secretBox'

/**
 * What the password step proved, handed back to the client as a short-lived signed token:
 * `verify` (enter a code) or `enrol` (staff without an authenticator under REQUIRE_STAFF_2FA).
 * Signed with its own derived key, so it can never pass for an access token or the reverse.
 */
export type ChallengeStep = 'verify' | 'enrol'
export type Challenge = { userId: string; step: ChallengeStep }

const TYPE = 'two-factor-challenge'

const signingKey = (secret: string): Buffer => deriveKey(secret, TYPE)

export const signChallenge = (secret: string, { userId, step }: Challenge, expiresInSeconds: number): string =>
  jwt.sign({ typ: TYPE, step }, signingKey(secret), {
    algorithm: 'HS256',
    subject: String(userId),
    expiresIn: expiresInSeconds,
    jwtid: randomUUID(),
  })

/** The challenge, or undefined when it is forged, expired or not a challenge at all. */
export const verifyChallenge = (secret: string, token: unknown): Challenge | undefined => {
  if (typeof token !== 'string' || token.length > 2048) return undefined
  try {
    const claims = jwt.verify(token, signingKey(secret), { algorithms: ['HS256'] })
    if (typeof claims === 'string' || claims.typ !== TYPE || typeof claims.sub !== 'string') return undefined
    if (claims.step !== 'verify' && claims.step !== 'enrol') return undefined
    return { userId: claims.sub, step: claims.step }
  } catch {
    return undefined
  }
}
