import { randomBytes } from 'node:crypto'

import { type Payload, ValidationError } from 'payload'
import type { Profile } from 'passport-google-oauth20'

import type { User } from '../../../payload-types'
import { isValidEmail } from '../endpoints/validation'

export type GoogleIdentity = { email: string; name: string | null }

/** Why a Google profile cannot sign anyone in; the endpoint answers 403 with this message. */
export class UnusableGoogleProfile extends Error {}

/**
 * The verified email of a Google profile. Only `email_verified === true` counts: an unverified
 * address proves nothing about who owns it, so it must never link to (or create) an account.
 */
export const googleIdentityOf = (profile: Profile): GoogleIdentity => {
  const json = (profile._json ?? {}) as { email?: unknown; email_verified?: unknown; name?: unknown }
  const email = typeof json.email === 'string' ? json.email.trim().toLowerCase() : ''
  if (!email) throw new UnusableGoogleProfile('Google did not share an email address for this account, so we cannot sign you in.')
  if (!isValidEmail(email)) throw new UnusableGoogleProfile('Google returned an email address we cannot use.')
  // Google's v3 userinfo sends a boolean; older endpoints sent the string "true".
  if (json.email_verified !== true && json.email_verified !== 'true') {
    throw new UnusableGoogleProfile('Your Google account email address is not verified; verify it with Google and try again.')
  }
  const rawName = typeof json.name === 'string' ? json.name : profile.displayName
  const name = typeof rawName === 'string' && rawName.trim() ? rawName.trim().slice(0, 120) : null
  return { email, name }
}

const findByEmail = async (payload: Payload, email: string): Promise<User | undefined> => {
  const found = await payload.find({ collection: 'users', where: { email: { equals: email } }, limit: 1, depth: 0, overrideAccess: true })
  return found.docs[0]
}

/**
 * The account a verified Google email signs in to: the existing user with that email (roles
 * untouched), or a new plain user. The new account gets a long random password nobody ever sees,
 * so it can only be entered through Google (or after a password reset to that same mailbox).
 */
export const findOrCreateGoogleUser = async (
  payload: Payload,
  { email, name }: GoogleIdentity,
): Promise<{ user: User; created: boolean }> => {
  const existing = await findByEmail(payload, email)
  if (existing) return { user: existing, created: false }
  try {
    const user = await payload.create({
      collection: 'users',
      data: { email, name, password: randomBytes(48).toString('base64url'), roles: ['user'] },
      overrideAccess: true,
      // The very first account must not become admin just because it came through Google.
      context: { skipFirstUserAdmin: true },
    })
    return { user, created: true }
  } catch (error) {
    // Two callbacks racing for one new email: the unique index decides, the loser links.
    if (error instanceof ValidationError && error.data.errors.some((e) => e.path === 'email')) {
      const winner = await findByEmail(payload, email)
      if (winner) return { user: winner, created: false }
    }
    throw error
  }
}
