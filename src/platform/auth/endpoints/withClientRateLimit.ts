import type { Endpoint } from 'payload'

import { consumeSignInAttempt } from '../rateLimit'
import { readRequestMeta } from '../requestMeta'
import { handleKnownErrors } from './responses'

/**
 * Every /api/auth/* request counts against its client IP's budget before anything else runs.
 * `req.context.clientIpCounted` tells the login hook not to count the same request twice.
 */
export const withClientRateLimit = (endpoint: Endpoint): Endpoint => ({
  ...endpoint,
  handler: async (req) => {
    try {
      await consumeSignInAttempt({ ip: readRequestMeta(req.headers).ip })
    } catch (error) {
      return handleKnownErrors(req, error)
    }
    req.context.clientIpCounted = true
    return endpoint.handler(req)
  },
})
