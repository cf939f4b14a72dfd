import type { CollectionConfig } from 'payload'

import { platformAccessPolicy } from '../../accessPolicy'
import { collectionAccess } from '../access/policy'

/**
 * Device details and the refresh token (as a hash) of each session the token endpoints open.
 * Payload's `users_sessions` says whether a session exists; this says who and what it is.
 * Never exposed over the API: the token endpoints read and write it with SQL (tokens/sessionStore).
 */
export const AuthSessions: CollectionConfig = {
  slug: 'auth-sessions',
  admin: { hidden: true },
  graphQL: false,
  access: collectionAccess(platformAccessPolicy.collections['auth-sessions']),
  fields: [
    { name: 'sid', type: 'text', required: true, unique: true, index: true },
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'userAgent', type: 'text' },
    { name: 'ip', type: 'text' },
    { name: 'lastUsedAt', type: 'date' },
    { name: 'refreshTokenHash', type: 'text', required: true, index: true },
    { name: 'spentRefreshHashes', type: 'json' },
    { name: 'refreshExpiresAt', type: 'date', required: true },
  ],
}
