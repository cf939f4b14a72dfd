import type { CollectionConfig } from 'payload'

import { platformAccessPolicy } from '../../accessPolicy'
import { collectionAccess } from '../access/policy'

/**
 * Each user's TOTP authenticator and recovery codes, kept apart from `users` so no REST, GraphQL
 * or admin read of a user can ever carry them. Secrets are sealed with AES-256-GCM
 * (twoFactor/secretBox), recovery codes stored as keyed hashes. Reached only by server code.
 */
export const TwoFactorCredentials: CollectionConfig = {
  slug: 'two-factor-credentials',
  admin: { hidden: true },
  graphQL: false,
  access: collectionAccess(platformAccessPolicy.collections['two-factor-credentials']),
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, unique: true, index: true },
    /** The confirmed authenticator's secret, sealed; set only once a first code proved it. */
    { name: 'secret', type: 'text' },
    /** An enrolment started but not yet confirmed with a code, sealed. */
    { name: 'pendingSecret', type: 'text' },
    { name: 'enabledAt', type: 'date' },
    /** [{hash, usedAt}]: ten one-time codes, each usable once. */
    { name: 'recoveryCodes', type: 'json' },
    /** The last TOTP time step accepted: a code is never accepted twice. */
    { name: 'lastUsedStep', type: 'number' },
  ],
}
