import type { Access, FieldAccess, Where } from 'payload'

import { hasAnyRole, hasRole, MODERATOR_ROLES } from '@/platform/auth'

/** Owners edit their lists; moderators may act on public ones (to hide them); admins on all. */
export const updateLists: Access = ({ req: { user } }): boolean | Where => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  if (hasRole(user, 'moderator')) {
    const own: Where = { owner: { equals: user.id } }
    const isPublic: Where = { visibility: { equals: 'public' } }
    return { or: [own, isPublic] }
  }
  return { owner: { equals: user.id } }
}

/** The list's content is its owner's (and an admin's) to change, not a moderator's. */
export const ownerOrAdminField: FieldAccess = ({ req: { user }, doc }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  const owner = doc?.owner && typeof doc.owner === 'object' ? doc.owner.id : doc?.owner
  // On create there is no document yet: the creator becomes the owner.
  return owner === undefined || owner === null || String(owner) === String(user.id)
}

export const moderatorOrAdminField: FieldAccess = ({ req: { user } }) => hasAnyRole(user, MODERATOR_ROLES)
