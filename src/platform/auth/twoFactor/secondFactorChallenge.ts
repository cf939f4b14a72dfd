import type { Payload } from 'payload'

import { getAppConfig } from '../../config'
import { hasAnyRole, STAFF_ROLES } from '../roles'
import { signChallenge } from './challenge'
import { isTwoFactorEnabled } from './twoFactorService'
import type { ChallengeAnswer } from './TwoFactorRequiredError'

/** REQUIRE_STAFF_2FA and a staff role: the account may not sign in or stay without a second factor. */
export const isTwoFactorRequired = (user: { roles?: unknown }): boolean =>
  getAppConfig().twoFactor.requireForStaff && hasAnyRole(user as { roles?: string[] }, STAFF_ROLES)

/**
 * The challenge a sign-in must answer before it gets tokens: the account has 2FA on, or it is
 * staff without it under REQUIRE_STAFF_2FA. Undefined: no second factor is due. Every way in
 * (password, Google, VK, Yandex, Telegram) asks this, so none of them skips the code.
 */
export const secondFactorChallenge = async (
  payload: Payload,
  user: { id: number | string; roles?: unknown },
): Promise<ChallengeAnswer | undefined> => {
  const { twoFactor, security } = getAppConfig()
  const userId = String(user.id)
  const enabled = await isTwoFactorEnabled(payload, userId)
  const mustEnrol = !enabled && isTwoFactorRequired(user)
  if (!enabled && !mustEnrol) return undefined
  const step = enabled ? 'verify' : 'enrol'
  return {
    twoFactorRequired: true,
    step,
    challenge: signChallenge(security.secret, { userId, step }, twoFactor.challengeSeconds),
    expiresIn: twoFactor.challengeSeconds,
  }
}
