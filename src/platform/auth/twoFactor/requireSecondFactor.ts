import type { CollectionBeforeLoginHook } from 'payload'

import { getAppConfig } from '../../config'
import { hasAnyRole, STAFF_ROLES } from '../roles'
import { signChallenge } from './challenge'
import { isTwoFactorEnabled } from './twoFactorService'
import { TwoFactorRequiredError } from './TwoFactorRequiredError'

/**
 * Users beforeLogin: the password was right; if the account has 2FA on (or is staff without it
 * under REQUIRE_STAFF_2FA), stop here with a challenge. Payload revokes the session it opened, so
 * neither /api/auth/login nor /api/users/login (the admin) hands out a token or cookie.
 */
export const requireSecondFactor: CollectionBeforeLoginHook = async ({ req, user }) => {
  const { twoFactor, security } = getAppConfig()
  const userId = String(user.id)
  const enabled = await isTwoFactorEnabled(req.payload, userId)
  const mustEnrol = !enabled && twoFactor.requireForStaff && hasAnyRole(user as { roles?: string[] }, STAFF_ROLES)
  if (!enabled && !mustEnrol) return user
  const step = enabled ? 'verify' : 'enrol'
  throw new TwoFactorRequiredError({
    twoFactorRequired: true,
    step,
    challenge: signChallenge(security.secret, { userId, step }, twoFactor.challengeSeconds),
    expiresIn: twoFactor.challengeSeconds,
  })
}
