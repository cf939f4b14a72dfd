import type { AuthStrategy } from 'payload'

import type { SecurityConfig } from '../../config'
import { reportDatabaseFailure } from '../../database/availability'
import { isDatabaseUnavailableError } from '../../database/connectionErrors'
import { noteUnavailableDependency } from '../../observability/requestContext'
import { databaseQuery } from '../../database/sql'
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
    let active: boolean
    try {
      active = await isTokenSessionActive(databaseQuery(payload), subject)
    } catch (error) {
      // Payload swallows a strategy's error and goes on as "anonymous" (403 on a write): note the
      // outage so the server answers 503 instead, and the client keeps its good token.
      if (!isDatabaseUnavailableError(error)) throw error
      reportDatabaseFailure(error)
      noteUnavailableDependency('database')
      return { user: null }
    }
    if (!active) return { user: null }
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
