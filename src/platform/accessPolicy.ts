// Not through the auth index: it exports the Users collection, which reads this policy (a cycle).
import type { AccessPolicy, AuthCollectionAccess, CollectionAccess } from './auth/access/policy'
import { adminOrSelf } from './auth/access/adminOrSelf'
import { anyone } from './auth/access/anyone'
import { authenticated } from './auth/access/authenticated'
import { canAccessAdminPanel } from './auth/access/canAccessAdminPanel'
import { isAdmin } from './auth/access/isAdmin'
import { isStaff } from './auth/access/isStaff'
import { nobody } from './auth/access/nobody'
import { ownerOrModerator } from './auth/access/ownerOrModerator'
import { ownPreferences } from './auth/access/ownPreferences'
import { ownRecords } from './auth/access/ownRecords'
import { isEditorOrAdmin } from './auth/access/staffRoles'

/** Accounts: admins create them (self-registration is /api/auth/register) and grant roles. */
const users: AuthCollectionAccess = {
  admin: canAccessAdminPanel,
  create: isAdmin,
  // Any signed-in user may see others' public profile (name, avatar, bio); field rules hide the rest.
  read: authenticated,
  update: adminOrSelf,
  delete: adminOrSelf,
  // Payload's default lets any signed-in user unlock any account by email (undoing the lockout and
  // telling which addresses have accounts): only admins.
  unlock: isAdmin,
}

/**
 * The platform's collections, and the ones Payload adds itself (applied by
 * withPayloadCollectionsAccess). Server code reaches the `nobody` ones with `overrideAccess`.
 */
export const platformAccessPolicy = {
  collections: {
    users,
    // Device and refresh-token records: the token endpoints use SQL, never the API.
    'auth-sessions': { read: nobody, create: nobody, update: nobody, delete: nobody },
    // Linked sign-in providers: only /api/auth/identities and the provider callbacks touch them.
    'auth-identities': { read: nobody, create: nobody, update: nobody, delete: nobody },
    // TOTP secrets and recovery codes: only the /api/auth/2fa endpoints, with access overridden.
    'two-factor-credentials': { read: nobody, create: nobody, update: nobody, delete: nobody },
    // Editorial media: everyone reads, editors and admins manage.
    media: { read: anyone, create: isEditorOrAdmin, update: isEditorOrAdmin, delete: isEditorOrAdmin },
    // Profile pictures: any account uploads its own; moderators and admins moderate.
    avatars: { read: anyone, create: authenticated, update: ownerOrModerator, delete: ownerOrModerator },
    // A user's own favorites (the owner is the caller); admins see all.
    favorites: { read: ownRecords, create: authenticated, update: ownRecords, delete: ownRecords },
    // Domain events waiting for the broker: the relay uses SQL.
    'event-outbox': { read: nobody, create: nobody, update: nobody, delete: nobody },
    // Cache invalidations waiting to be applied in Redis: the writers and sweepers use SQL.
    'cache-invalidations': { read: nobody, create: nobody, update: nobody, delete: nobody },
  },
  globals: {},
} satisfies AccessPolicy

/** Payload's own collections, which it adds while sanitizing the config. */
export const payloadCollectionsAccess = {
  // Who is editing which document: the admin panel's business, so staff only. Payload's default let
  // any account list the locks (ids of documents being edited, drafts included) or lock a document
  // to block its editors.
  'payload-locked-documents': { read: isStaff, create: isStaff, update: isStaff, delete: isStaff },
  // Admin-panel preferences, each account its own; only those who use the panel store any.
  'payload-preferences': { read: ownPreferences, create: isStaff, update: ownPreferences, delete: ownPreferences },
  // Applied migrations: no endpoints; `payload migrate` works with access overridden.
  'payload-migrations': { read: nobody, create: nobody, update: nobody, delete: nobody },
  // Jobs run as the user who queued them (jobs.access); their rows are server-only.
  'payload-jobs': { read: nobody, create: nobody, update: nobody, delete: nobody },
  'payload-kv': { read: nobody, create: nobody, update: nobody, delete: nobody },
} satisfies Record<string, CollectionAccess>
