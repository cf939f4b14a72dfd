import { APIError, type Endpoint } from 'payload'

import { errorResponse, handleKnownErrors, invalidField } from './responses'
import { verifyEmailDocumentation } from './documentation'

/**
 * GET /api/auth/verify-email?token=… -> 200 once the address is confirmed. The emailed link
 * (REQUIRE_EMAIL_VERIFICATION) points here, so it works from any mail client without the admin.
 */
export const verifyEmailEndpoint: Endpoint = {
  path: '/auth/verify-email',
  method: 'get',
  custom: { openapi: verifyEmailDocumentation },
  handler: async (req) => {
    const token = req.searchParams.get('token')
    if (!token || !/^[A-Za-z0-9]{1,128}$/.test(token)) return invalidField('token', 'token must be the one from the verification email')
    try {
      await req.payload.verifyEmail({ collection: 'users', token })
      return Response.json({ verified: true, message: 'Your email address is confirmed: you can sign in now.' })
    } catch (error) {
      // Used, unknown or from another server: the same answer for each.
      if (error instanceof APIError && error.status < 500) {
        return errorResponse(400, 'This verification link is invalid or has already been used.', 'token')
      }
      return handleKnownErrors(req, error)
    }
  },
}
