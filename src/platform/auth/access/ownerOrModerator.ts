import type { Access } from 'payload'

import { hasAnyRole, MODERATOR_ROLES } from '../roles'

/** Admins and moderators may act on any user-made document; others only on their own (`owner`). */
export const ownerOrModerator: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasAnyRole(user, MODERATOR_ROLES)) return true
  return { owner: { equals: user.id } }
}
