import type { AuthStrategy } from 'payload'

import type { SecurityConfig } from '../../config'
import { databaseQuery } from '../databaseQuery'
import { verifyAccessToken } from '../tokens/accessToken'
import { readBearerToken } from '../tokens/bearerToken'
import { isTokenSessionActive } from '../tokens/sessionStore'

export const ACCESS_TOKEN_STRATEGY = 'access-token'

/**
 * Accepts the access tokens of /api/auth/* (`Authorization: Bearer …`) on every Payload route,
 * REST and GraphQL alike. Anything else falls through to Payload's own JWT strategy, so the admin
 * cookie and Payload-issued tokens keep working.
 */
export const accessTokenStrategy = (security: SecurityConfig): AuthStrategy => ({
  name: ACCESS_TOKEN_STRATEGY,
  authenticate: async ({ headers, payload, isGraphQL }) => {
    const token = readBearerToken(headers.get('authorization'))
    if (!token) return { user: null }
    let subject
    try {
      subject = verifyAccessToken(token, security)
    } catch {
      return { user: null }
    }
    if (!(await isTokenSessionActive(databaseQuery(payload), subject))) return { user: null }
    const collection = payload.collections.users.config
    const user = await payload
      .findByID({
        collection: 'users',
        id: subject.userId,
        depth: isGraphQL ? 0 : collection.auth.depth,
        overrideAccess: true,
        disableErrors: true,
      })
      .catch(() => null)
    if (!user) return { user: null }
    return { user: { ...user, collection: 'users', _strategy: ACCESS_TOKEN_STRATEGY, _sid: subject.sid } }
  },
})
