import type { Profile } from 'passport-google-oauth20'

import { isValidEmail } from '../endpoints/validation'

export type GoogleIdentity = { subject: string; email: string; name: string | null }

/** Why a Google profile cannot sign anyone in; the endpoint answers 403 with this message. */
export class UnusableGoogleProfile extends Error {}

/**
 * The verified email of a Google profile. Only `email_verified === true` counts: an unverified
 * address proves nothing about who owns it, so it must never link to (or create) an account.
 */
export const googleIdentityOf = (profile: Profile): GoogleIdentity => {
  const json = (profile._json ?? {}) as { sub?: unknown; email?: unknown; email_verified?: unknown; name?: unknown }
  const email = typeof json.email === 'string' ? json.email.trim().toLowerCase() : ''
  if (!email) throw new UnusableGoogleProfile('Google did not share an email address for this account, so we cannot sign you in.')
  if (!isValidEmail(email)) throw new UnusableGoogleProfile('Google returned an email address we cannot use.')
  // Google's v3 userinfo sends a boolean; older endpoints sent the string "true".
  if (json.email_verified !== true && json.email_verified !== 'true') {
    throw new UnusableGoogleProfile('Your Google account email address is not verified; verify it with Google and try again.')
  }
  const rawName = typeof json.name === 'string' ? json.name : profile.displayName
  const name = typeof rawName === 'string' && rawName.trim() ? rawName.trim().slice(0, 120) : null
  const subject = typeof profile.id === 'string' && profile.id ? profile.id : typeof json.sub === 'string' ? json.sub : ''
  if (!subject || subject.length > 128) throw new UnusableGoogleProfile('Google did not tell which account signed in.')
  return { subject, email, name }
}
