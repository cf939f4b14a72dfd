import type { CollectionConfig } from 'payload'

import type { IdentityConfig, MailConfig, SecurityConfig } from '@/platform/config'
import { platformAccessPolicy } from '@/platform/accessPolicy'
import { adminOrSelfField } from '../../access/adminOrSelfField'
import { isAdminField } from '../../access/isAdminField'
import { collectionAccess } from '../../access/policy'
import { ROLES } from '../../roles'
import { accessTokenStrategy } from '../../strategies/accessTokenStrategy'
import { requireSecondFactor } from '../../twoFactor/requireSecondFactor'
import { emailVerificationOption, verificationFields } from './emailVerification'
import { announceLogout } from './hooks/announceLogout'
import { announcePasswordReset } from './hooks/announcePasswordReset'
import { clearSignInFailuresOnLogin, clearSignInFailuresOnReset } from './hooks/clearSignInFailures'
import { limitSignInAttempts } from './hooks/limitSignInAttempts'
import { makeFirstUserAdmin } from './hooks/makeFirstUserAdmin'
import { recordUserDeleted } from './hooks/recordUserDeleted'
import { recordUserRegistered } from './hooks/recordUserRegistered'
import { type OwnedCollection, removeOwnData } from './hooks/removeOwnData'
import { requireStrongPassword, requireStrongResetPassword } from './hooks/requireStrongPassword'
import { ownAvatarOnly } from './validation/ownAvatarOnly'

export type { OwnedCollection } from './hooks/removeOwnData'

type UsersOptions = {
  security: SecurityConfig
  identity: IdentityConfig
  mail: MailConfig
  /** Public base URL: the emailed verification link points there. */
  serverUrl: string
  /** Collections whose documents are deleted with their owner's account. */
  ownedCollections: OwnedCollection[]
}

export const createUsersCollection = ({ security, identity, mail, serverUrl, ownedCollections }: UsersOptions): CollectionConfig => ({
  slug: 'users',
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'name', 'roles', 'createdAt'],
    group: 'System',
  },
  auth: {
    // Sessions are what logout, logout-all and /api/auth/sessions revoke.
    useSessions: true,
    tokenExpiration: security.accessTokenExpireMinutes * 60,
    maxLoginAttempts: identity.maxLoginAttempts,
    lockTime: identity.lockMinutes * 60_000,
    strategies: [accessTokenStrategy(security)],
    verify: emailVerificationOption(mail, serverUrl),
  },
  // Who may do what: the platform's access policy (src/platform/accessPolicy.ts).
  access: collectionAccess(platformAccessPolicy.collections.users),
  hooks: {
    beforeOperation: [limitSignInAttempts, requireStrongResetPassword],
    beforeValidate: [requireStrongPassword],
    beforeChange: [makeFirstUserAdmin],
    afterChange: [recordUserRegistered],
    beforeDelete: [removeOwnData([{ collection: 'auth-sessions', ownerField: 'user' }, ...ownedCollections])],
    afterDelete: [recordUserDeleted],
    // Two-factor sign-in: a right password alone opens no session when a code is due.
    beforeLogin: [requireSecondFactor],
    afterLogout: [announceLogout],
    afterLogin: [clearSignInFailuresOnLogin],
    afterOperation: [announcePasswordReset, clearSignInFailuresOnReset],
  },
  fields: [
    {
      // Merged into Payload's own email field: only the user themself and admins read it.
      name: 'email',
      type: 'email',
      access: { read: adminOrSelfField },
    },
    {
      name: 'name',
      type: 'text',
      maxLength: 120,
    },
    {
      name: 'avatar',
      type: 'upload',
      relationTo: 'avatars',
      validate: ownAvatarOnly,
    },
    {
      name: 'bio',
      type: 'textarea',
      maxLength: 1000,
    },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      defaultValue: ['user'],
      options: ROLES.map((role) => ({ label: role[0].toUpperCase() + role.slice(1), value: role })),
      saveToJWT: true,
      access: {
        read: adminOrSelfField,
        // Only admins grant or change roles; the first user is promoted by makeFirstUserAdmin.
        create: isAdminField,
        update: isAdminField,
      },
    },
    ...verificationFields(mail),
  ],
})
