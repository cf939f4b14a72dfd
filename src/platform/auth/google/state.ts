import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** How long a user has between leaving for Google and coming back. */
export const STATE_TTL_SECONDS = 600

/** Holds the nonce of the sign-in this browser started; sent back only to the Google routes. */
export const STATE_COOKIE = 'google-sign-in-nonce'
export const STATE_COOKIE_PATH = '/api/auth/google'

const MAX_STATE_LENGTH = 4096
const NONCE = /^[A-Za-z0-9_-]{43}$/

type StateClaims = {
  /** Random nonce, also stored in the browser's cookie. */
  n: string
  /** Where the frontend wants the tokens delivered. */
  r: string
  /** Expiry, seconds since the epoch. */
  e: number
}

export type VerifiedState = { nonce: string; redirect: string }

export type StateProblem = 'missing' | 'invalid' | 'expired' | 'not-this-browser'

/** A key of its own, so a state MAC can never be replayed as any other value signed with SECRET_KEY. */
const stateKey = (secret: string): Buffer => createHmac('sha256', secret).update('google-sign-in-state:v1').digest()

const mac = (secret: string, body: string): Buffer => createHmac('sha256', stateKey(secret)).update(body).digest()

const sameBytes = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b)

export const newNonce = (): string => randomBytes(32).toString('base64url')

/** `<base64url JSON {n, r, e}>.<base64url HMAC-SHA256>`: tamper-proof, self-contained, short-lived. */
export const signState = (
  secret: string,
  { nonce, redirect, now = Date.now() }: { nonce: string; redirect: string; now?: number },
): string => {
  const claims: StateClaims = { n: nonce, r: redirect, e: Math.floor(now / 1000) + STATE_TTL_SECONDS }
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${body}.${mac(secret, body).toString('base64url')}`
}

/**
 * Checks the state Google sent back: signed by us, not expired, and carrying the same nonce as the
 * cookie of the browser that started the sign-in (so a state cannot be replayed in another browser).
 */
export const verifyState = (
  secret: string,
  state: string | null | undefined,
  cookieNonce: string | undefined,
  now = Date.now(),
): VerifiedState | { problem: StateProblem } => {
  if (!state) return { problem: 'missing' }
  if (state.length > MAX_STATE_LENGTH) return { problem: 'invalid' }
  const [body, signature, extra] = state.split('.')
  if (!body || !signature || extra !== undefined) return { problem: 'invalid' }
  // Compared as text: base64url decoding ignores stray characters, the encoded MAC does not.
  if (!sameBytes(Buffer.from(signature), Buffer.from(mac(secret, body).toString('base64url')))) return { problem: 'invalid' }

  let claims: Partial<StateClaims>
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<StateClaims>
  } catch {
    return { problem: 'invalid' }
  }
  if (typeof claims.n !== 'string' || !NONCE.test(claims.n) || typeof claims.r !== 'string' || typeof claims.e !== 'number') {
    return { problem: 'invalid' }
  }
  if (claims.e * 1000 <= now) return { problem: 'expired' }
  if (!cookieNonce || !sameBytes(Buffer.from(cookieNonce), Buffer.from(claims.n))) return { problem: 'not-this-browser' }
  return { nonce: claims.n, redirect: claims.r }
}

const cookieAttributes = (secure: boolean): string => `Path=${STATE_COOKIE_PATH}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`

/** Set on the redirect to Google. Lax: it comes back on Google's top-level GET redirect to the callback. */
export const stateCookie = (nonce: string, secure: boolean): string =>
  `${STATE_COOKIE}=${nonce}; Max-Age=${STATE_TTL_SECONDS}; ${cookieAttributes(secure)}`

/** Set on every callback answer: a nonce is good for one attempt. */
export const clearedStateCookie = (secure: boolean): string =>
  `${STATE_COOKIE}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${cookieAttributes(secure)}`
