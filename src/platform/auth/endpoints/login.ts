import { AuthenticationError, type Endpoint, LockedAuth } from 'payload'

import type { User } from '@/payload-types'
import { readRequestMeta } from '../requestMeta'
import { openTokenSession } from '../tokens/tokenSession'
import { ownProfile } from './publicUser'
import { sessionIdOf } from './register'
import { errorResponse, handleKnownErrors, invalidField, readJsonObject } from './responses'
import { loginDocumentation } from './documentation'
import { TwoFactorRequiredError } from '../twoFactor/TwoFactorRequiredError'

const WRONG_CREDENTIALS = 'Invalid email or password.'

/**
 * POST /api/auth/login {email, password} -> 200 with the user and a token pair. Runs Payload's
 * login, so lockout and the sign-in rate limits (a users beforeOperation hook) apply here too.
 */
export const loginEndpoint: Endpoint = {
  path: '/auth/login',
  method: 'post',
  custom: { openapi: loginDocumentation },
  handler: async (req) => {
    const body = await readJsonObject(req)
    if (!body) return invalidField('body', 'expected a JSON object {email, password}')
    const { email, password } = body
    if (typeof email !== 'string' || !email.trim()) return invalidField('email', 'email is required')
    if (typeof password !== 'string' || !password) return invalidField('password', 'password is required')
    try {
      const result = await req.payload.login({ collection: 'users', data: { email, password }, req })
      const sid = sessionIdOf(result.token)
      if (!sid) throw new Error('Payload login returned no session id')
      const user = result.user as User
      const pair = await openTokenSession({ payload: req.payload, userId: user.id, sid, meta: readRequestMeta(req.headers) })
      return Response.json({ user: ownProfile(user), ...pair })
    } catch (error) {
      // The password was right; no session was opened: the client continues at /api/auth/2fa/*.
      if (error instanceof TwoFactorRequiredError) return Response.json(error.answer, { headers: { 'Cache-Control': 'no-store' } })
      if (error instanceof LockedAuth) {
        return errorResponse(423, 'Too many failed sign-in attempts: this account is locked for a while.')
      }
      // Unknown email and wrong password look the same from outside.
      if (error instanceof AuthenticationError) return errorResponse(401, WRONG_CREDENTIALS)
      return handleKnownErrors(req, error)
    }
  },
}
