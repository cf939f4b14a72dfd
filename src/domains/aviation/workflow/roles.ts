import { hasAnyRole, MODERATOR_ROLES, STAFF_ROLES } from '@/platform/auth'

type MaybeUser = Parameters<typeof hasAnyRole>[0]

/** Staff read drafts and version history; everyone else sees published documents only. */
export const isStaffUser = (user: MaybeUser): boolean => hasAnyRole(user, STAFF_ROLES)

/** Moderators and admins approve: they publish, unpublish and send work back. Editors never do. */
export const canApprove = (user: MaybeUser): boolean => hasAnyRole(user, MODERATOR_ROLES)

/** A signed-in editor who may write but not approve. */
export const isDraftOnlyWriter = (user: MaybeUser): boolean => isStaffUser(user) && !canApprove(user)
