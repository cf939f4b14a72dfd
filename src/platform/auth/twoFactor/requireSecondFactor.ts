import type { CollectionBeforeLoginHook } from 'payload'

import { secondFactorChallenge } from './secondFactorChallenge'
import { TwoFactorRequiredError } from './TwoFactorRequiredError'

/**
 * Users beforeLogin: the password was right; if a second factor is due (secondFactorChallenge),
 * stop here with a challenge. Payload revokes the session it opened, so neither /api/auth/login
 * nor /api/users/login (the admin) hands out a token or cookie.
 */
export const requireSecondFactor: CollectionBeforeLoginHook = async ({ req, user }) => {
  const challenge = await secondFactorChallenge(req.payload, user)
  if (challenge) throw new TwoFactorRequiredError(challenge)
  return user
}
