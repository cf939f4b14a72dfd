import { APIError } from 'payload'

import type { ChallengeStep } from './challenge'

export type ChallengeAnswer = {
  twoFactorRequired: true
  /** verify: send a code (POST /api/auth/2fa/verify); enrol: set up an authenticator first (REQUIRE_STAFF_2FA). */
  step: ChallengeStep
  challenge: string
  expiresIn: number
}

/**
 * Thrown by the users beforeLogin hook when the password was right but a second factor is due:
 * Payload then revokes the session it had just opened and sets no cookie. Its `data` is the
 * challenge to continue with (Payload's /api/users/login answers 401 with it in `errors[0].data`).
 */
export class TwoFactorRequiredError extends APIError<ChallengeAnswer> {
  readonly answer: ChallengeAnswer

  constructor(answer: ChallengeAnswer) {
    super(
      answer.step === 'enrol'
        ? 'Two-factor sign-in is required for staff accounts: set up an authenticator at /admin/two-factor.'
        : 'This account uses two-factor sign-in: enter a code from your authenticator at /admin/two-factor.',
      401,
      answer,
      true,
    )
    this.name = 'TwoFactorRequiredError'
    this.answer = answer
  }
}
