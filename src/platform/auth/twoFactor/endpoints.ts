import type { Endpoint, PayloadRequest } from 'payload'
import QRCode from 'qrcode'

import type { User } from '@/payload-types'
import { getAppConfig } from '../../config'
import { answeringKnownErrors, errorResponse, invalidField, readJsonObject, unauthorized } from '../endpoints/responses'
import { isTwoFactorRequired } from './secondFactorChallenge'
import { type Challenge, verifyChallenge } from './challenge'
import { clearCodeAttempts, consumeCodeAttempt } from './codeRateLimiter'
import { completeSignIn } from './signInCompletion'
import {
  beginEnrolment,
  checkSecondFactor,
  type CodeRefusal,
  confirmEnrolment,
  disableTwoFactor,
  twoFactorStatus,
} from './twoFactorService'
import {
  twoFactorConfirmDocumentation,
  twoFactorDisableDocumentation,
  twoFactorEnrolDocumentation,
  twoFactorStatusDocumentation,
  twoFactorVerifyDocumentation,
} from './documentation'

type Body = Record<string, unknown>

const REFUSALS: Record<CodeRefusal, [number, string, string?]> = {
  'wrong-code': [401, 'The code is wrong or has already been used.', 'code'],
  'not-enabled': [409, 'Two-factor sign-in is not on for this account.'],
  'no-enrolment': [409, 'No enrolment is waiting: start one with POST /api/auth/2fa/enrol.'],
  'already-enabled': [409, 'Two-factor sign-in is already on for this account.'],
}

const refused = (refusal: CodeRefusal): Response => errorResponse(...REFUSALS[refusal])

const codeOf = (body: Body): string | undefined => (typeof body.code === 'string' ? body.code.replace(/\s/g, '') : undefined)

const badChallenge = (): Response =>
  errorResponse(401, 'The sign-in challenge is invalid or has expired: sign in with your password again.', 'challenge')

/**
 * Who is enrolling: the signed-in caller, or, in the middle of a sign-in that REQUIRE_STAFF_2FA
 * stopped, the holder of an `enrol` challenge.
 */
const enrollingUser = async (req: PayloadRequest, body: Body): Promise<{ user: User; challenge?: Challenge } | Response> => {
  if (body.challenge !== undefined) {
    const challenge = verifyChallenge(getAppConfig().security.secret, body.challenge)
    if (!challenge || challenge.step !== 'enrol') return badChallenge()
    const user = await req.payload.findByID({
      collection: 'users',
      id: challenge.userId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })
    if (!user) return badChallenge()
    return { user: user as User, challenge }
  }
  if (!req.user) return unauthorized()
  return { user: req.user as User }
}

/** GET /api/auth/2fa -> whether the caller has 2FA on, and whether their role requires it. */
export const twoFactorStatusEndpoint: Endpoint = {
  path: '/auth/2fa',
  method: 'get',
  custom: { openapi: twoFactorStatusDocumentation },
  handler: answeringKnownErrors(async (req) => {
    if (!req.user) return unauthorized()
    const status = await twoFactorStatus(req.payload, req.user.id)
    const required = isTwoFactorRequired(req.user)
    return Response.json({ ...status, required }, { headers: { 'Cache-Control': 'no-store' } })
  }),
}

/** POST /api/auth/2fa/enrol [{challenge}] -> a new secret, its otpauth URI and a QR code, until confirmed. */
export const twoFactorEnrolEndpoint: Endpoint = {
  path: '/auth/2fa/enrol',
  method: 'post',
  custom: { openapi: twoFactorEnrolDocumentation },
  handler: answeringKnownErrors(async (req) => {
    const body = (await readJsonObject(req)) ?? {}
    const who = await enrollingUser(req, body)
    if (who instanceof Response) return who
    const { security, twoFactor } = getAppConfig()
    const enrolment = await beginEnrolment(req.payload, {
      secretKey: security.secret,
      issuer: twoFactor.issuer,
      userId: who.user.id,
      account: who.user.email,
    })
    if (enrolment === 'already-enabled') return refused(enrolment)
    const qrCode = await QRCode.toDataURL(enrolment.otpauthUri, { errorCorrectionLevel: 'M', margin: 1, width: 240 })
    return Response.json({ ...enrolment, qrCode }, { headers: { 'Cache-Control': 'no-store' } })
  }),
}

/**
 * POST /api/auth/2fa/confirm {code, challenge?, cookie?} -> 2FA on, ten recovery codes (shown once).
 * With an `enrol` challenge the sign-in it interrupted completes too (tokens, or the admin cookie).
 */
export const twoFactorConfirmEndpoint: Endpoint = {
  path: '/auth/2fa/confirm',
  method: 'post',
  custom: { openapi: twoFactorConfirmDocumentation },
  handler: answeringKnownErrors(async (req) => {
    const body = await readJsonObject(req)
    if (!body) return invalidField('body', 'expected a JSON object {code}')
    const code = codeOf(body)
    if (!code) return invalidField('code', 'code is required: the 6 digits your authenticator shows')
    const who = await enrollingUser(req, body)
    if (who instanceof Response) return who
    await consumeCodeAttempt(who.user.id)
    const result = await confirmEnrolment(req.payload, { secretKey: getAppConfig().security.secret, userId: who.user.id, code })
    if (typeof result === 'string') return refused(result)
    await clearCodeAttempts(who.user.id)
    if (!who.challenge) return Response.json({ enabled: true, recoveryCodes: result.recoveryCodes })
    const signedIn = await completeSignIn(req, who.user.id, { cookie: body.cookie === true })
    const answer = (await signedIn.json()) as Record<string, unknown>
    return Response.json({ enabled: true, recoveryCodes: result.recoveryCodes, ...answer }, { headers: signedIn.headers })
  }),
}

/** POST /api/auth/2fa/verify {challenge, code | recoveryCode, cookie?} -> the sign-in completes. */
export const twoFactorVerifyEndpoint: Endpoint = {
  path: '/auth/2fa/verify',
  method: 'post',
  custom: { openapi: twoFactorVerifyDocumentation },
  handler: answeringKnownErrors(async (req) => {
    const body = await readJsonObject(req)
    if (!body) return invalidField('body', 'expected a JSON object {challenge, code} or {challenge, recoveryCode}')
    if (typeof body.challenge !== 'string' || !body.challenge)
      return invalidField('challenge', 'challenge is required: the one the password sign-in answered with')
    const code = codeOf(body)
    const recoveryCode = typeof body.recoveryCode === 'string' && body.recoveryCode.trim() ? body.recoveryCode : undefined
    if (!code && !recoveryCode) return invalidField('code', 'code (6 digits) or recoveryCode is required')
    const challenge = verifyChallenge(getAppConfig().security.secret, body.challenge)
    if (!challenge || challenge.step !== 'verify') return badChallenge()
    await consumeCodeAttempt(challenge.userId)
    const result = await checkSecondFactor(req.payload, {
      secretKey: getAppConfig().security.secret,
      userId: challenge.userId,
      ...(code ? { code } : { recoveryCode }),
    })
    if (typeof result === 'string') {
      return result === 'wrong-code' && !code
        ? errorResponse(401, 'The recovery code is wrong or has already been used.', 'recoveryCode')
        : refused(result)
    }
    await clearCodeAttempts(challenge.userId)
    return completeSignIn(req, challenge.userId, { cookie: body.cookie === true })
  }),
}

/** POST /api/auth/2fa/disable {code} -> 2FA off; needs a current code, and is refused to staff who must keep it. */
export const twoFactorDisableEndpoint: Endpoint = {
  path: '/auth/2fa/disable',
  method: 'post',
  custom: { openapi: twoFactorDisableDocumentation },
  handler: answeringKnownErrors(async (req) => {
    if (!req.user) return unauthorized()
    const body = await readJsonObject(req)
    const code = body && codeOf(body)
    if (!code) return invalidField('code', 'code is required: a current code from your authenticator')
    if (isTwoFactorRequired(req.user)) {
      return errorResponse(403, 'Two-factor sign-in is required for staff accounts (REQUIRE_STAFF_2FA) and cannot be turned off.')
    }
    await consumeCodeAttempt(req.user.id)
    const result = await disableTwoFactor(req.payload, { secretKey: getAppConfig().security.secret, userId: req.user.id, code })
    if (result !== true) return refused(result)
    await clearCodeAttempts(req.user.id)
    return Response.json({ enabled: false })
  }),
}

export const twoFactorEndpoints: Endpoint[] = [
  twoFactorStatusEndpoint,
  twoFactorEnrolEndpoint,
  twoFactorConfirmEndpoint,
  twoFactorVerifyEndpoint,
  twoFactorDisableEndpoint,
]
