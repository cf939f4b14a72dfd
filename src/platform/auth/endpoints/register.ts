import jwt from 'jsonwebtoken'
import { type Endpoint, ValidationError } from 'payload'

import type { User } from '@/payload-types'
import { getAppConfig } from '../../config'
import { readRequestMeta } from '../requestMeta'
import { openTokenSession } from '../tokens/tokenSession'
import { ownProfile } from './publicUser'
import { errorResponse, handleKnownErrors, invalidField, readJsonObject } from './responses'
import { isValidEmail, passwordProblem } from './validation'
import { registerDocumentation } from './documentation'

/** The session id inside a token Payload's login just issued. */
export const sessionIdOf = (payloadToken: string | undefined): string | undefined => {
  const claims = payloadToken ? jwt.decode(payloadToken) : null
  return claims && typeof claims === 'object' && typeof claims.sid === 'string' ? claims.sid : undefined
}

/** POST /api/auth/register {email, password, name} -> 201 with the user and a token pair. */
export const registerEndpoint: Endpoint = {
  path: '/auth/register',
  method: 'post',
  custom: { openapi: registerDocumentation },
  handler: async (req) => {
    const body = await readJsonObject(req)
    if (!body) return invalidField('body', 'expected a JSON object {email, password, name}')
    const { email, password, name } = body
    if (!isValidEmail(email)) return invalidField('email', 'email must be a valid email address')
    const problem = passwordProblem(password)
    if (problem) return invalidField('password', problem)
    if (name !== undefined && name !== null && (typeof name !== 'string' || name.length > 120)) {
      return invalidField('name', 'name must be text of at most 120 characters')
    }
    const meta = readRequestMeta(req.headers)
    try {
      const normalisedEmail = email.trim().toLowerCase()
      const taken = await req.payload.count({ collection: 'users', where: { email: { equals: normalisedEmail } } })
      if (taken.totalDocs > 0) return errorResponse(409, 'An account with this email already exists.', 'email')

      let user: User
      try {
        user = await req.payload.create({
          collection: 'users',
          // Roles are fixed here: nothing in the request body can choose them.
          data: { email: normalisedEmail, password: password as string, name: (name as string | undefined) ?? null, roles: ['user'] },
          overrideAccess: true,
          context: { skipFirstUserAdmin: true },
        })
      } catch (error) {
        // Two registrations racing for one email: the unique index decides.
        if (error instanceof ValidationError && error.data.errors.some((e) => e.path === 'email')) {
          return errorResponse(409, 'An account with this email already exists.', 'email')
        }
        throw error
      }
      // Payload has emailed the confirmation link: no tokens until it is followed.
      if (getAppConfig().mail.requireEmailVerification)
        return Response.json({ user: ownProfile(user), verificationRequired: true }, { status: 201 })
      req.context.signInAttemptCounted = true
      const login = await req.payload.login({ collection: 'users', data: { email: normalisedEmail, password: password as string }, req })
      const sid = sessionIdOf(login.token)
      if (!sid) throw new Error('Payload login returned no session id')
      const pair = await openTokenSession({ payload: req.payload, userId: user.id, sid, meta })
      return Response.json({ user: ownProfile(user), ...pair }, { status: 201 })
    } catch (error) {
      return handleKnownErrors(req, error)
    }
  },
}
