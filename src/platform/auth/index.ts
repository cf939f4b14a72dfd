export { createUsersCollection, type OwnedCollection } from './collections/Users'
export { AuthSessions } from './collections/AuthSessions'
export { AuthIdentities } from './identities/AuthIdentities'
export { tokenEndpoints } from './endpoints'
export { ROLES, STAFF_ROLES, EDITOR_ROLES, MODERATOR_ROLES, hasRole, hasAnyRole, type Role } from './roles'
export { anyone } from './access/anyone'
export { authenticated } from './access/authenticated'
export { isAdmin } from './access/isAdmin'
export { isAdminField } from './access/isAdminField'
export { adminOrSelf } from './access/adminOrSelf'
export { adminOrSelfField } from './access/adminOrSelfField'
export { ownerOrModerator } from './access/ownerOrModerator'
export { isEditorOrAdmin } from './access/staffRoles'
export { nobody } from './access/nobody'
export { isStaff } from './access/isStaff'
export {
  collectionAccess,
  globalAccess,
  mergeAccessPolicies,
  type AccessPolicy,
  type AuthCollectionAccess,
  type CollectionAccess,
  type DraftCollectionAccess,
  type GlobalAccess,
  type VersionedCollectionAccess,
  type VersionedGlobalAccess,
} from './access/policy'
export { withPayloadCollectionsAccess } from './access/withPayloadCollectionsAccess'
export { publishedUnlessReadsDrafts } from './hooks/publishedUnlessReadsDrafts'
export { CLIENT_IP_HEADER, clientIpOf, readRequestMeta } from './requestMeta'
export { loggingEmailAdapter, recentEmails, type LoggedEmail } from './email/loggingEmailAdapter'
export { mailAdapter } from './email/mailAdapter'
export { TwoFactorCredentials } from './collections/TwoFactorCredentials'
export { createTokenJudge, type BearerVerdict } from './bearerGate'
export { poolQuery, type SqlQuery } from '../database/sql'
export { staffOrPublished } from './access/staffOrPublished'
export { canPublish } from './access/canPublish'
export { ownRecords } from './access/ownRecords'
export { readBearerToken } from './tokens/bearerToken'
export { consumeOrRefuse, createLimiter, TooManyRequestsError } from './rateLimit'
