import type { RateLimitRule } from './identity'
import { type Env, parseBoolean, parseInteger, readVar } from './parsers'

export type TwoFactorConfig = {
  /** REQUIRE_STAFF_2FA: editors, moderators and admins must enrol before they get tokens or the admin. */
  requireForStaff: boolean
  /** Shown in the authenticator app next to the account. */
  issuer: string
  /** How long a sign-in challenge (password accepted, code pending) stays valid. */
  challengeSeconds: number
  /** Code attempts per account (across challenges), from any IP. */
  codeAttempts: RateLimitRule
}

export const readTwoFactorConfig = (env: Env): TwoFactorConfig => ({
  requireForStaff: parseBoolean(env, 'REQUIRE_STAFF_2FA', false),
  issuer: readVar(env, 'TWO_FACTOR_ISSUER') ?? 'Kitsu & FrankenJet',
  challengeSeconds: parseInteger(env, 'TWO_FACTOR_CHALLENGE_SECONDS', 300, { min: 30, max: 3600 }),
  codeAttempts: {
    points: parseInteger(env, 'RATE_LIMIT_2FA_PER_ACCOUNT', 5, { min: 1, max: 1_000_000 }),
    durationSeconds: parseInteger(env, 'RATE_LIMIT_2FA_PER_ACCOUNT_WINDOW_SECONDS', 300, { min: 1, max: 86_400 }),
  },
})
