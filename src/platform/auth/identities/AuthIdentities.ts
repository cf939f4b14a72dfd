import type { CollectionConfig } from 'payload'

import { platformAccessPolicy } from '../../accessPolicy'
import { collectionAccess } from '../access/policy'

export const IDENTITY_PROVIDERS = ['google', 'vk', 'yandex', 'telegram'] as const
export type IdentityProvider = (typeof IDENTITY_PROVIDERS)[number]

/**
 * The external accounts (Google, VK ID, Yandex ID, Telegram) linked to a user: one row per
 * provider account, unique by (provider, subject). Kept out of `users` so that login, refresh and
 * logout (which rewrite the user document) never touch them. Read and written by the identity
 * endpoints only (/api/auth/identities, the provider callbacks), never through the generic API.
 */
export const AuthIdentities: CollectionConfig = {
  slug: 'auth-identities',
  admin: { hidden: true },
  graphQL: false,
  access: collectionAccess(platformAccessPolicy.collections['auth-identities']),
  indexes: [{ fields: ['provider', 'subject'], unique: true }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'provider', type: 'select', required: true, options: [...IDENTITY_PROVIDERS] },
    /** The provider's stable id of the account (Google `sub`, VK `user_id`, Yandex `id`, Telegram `id`). */
    { name: 'subject', type: 'text', required: true },
    /** The email the provider vouched for when it was linked, if any. */
    { name: 'email', type: 'text' },
    { name: 'displayName', type: 'text' },
    /**
     * Set when this identity created the account: the account then got a random password nobody
     * knows. The SHA-256 of that password hash tells later whether the password was ever changed
     * (reset), i.e. whether the password is a way to sign in.
     */
    { name: 'createdPasswordFingerprint', type: 'text' },
    { name: 'lastSignInAt', type: 'date' },
  ],
}
