import type { Access, Where } from 'payload'

import { hasRole } from '@/platform/auth'

/**
 * Public lists are for everyone, unlisted ones for whoever has the id (a single-document read),
 * private ones for the owner. Moderators also see hidden public lists; admins see everything.
 */
export const readLists: Access = ({ req: { user }, id }) => {
  if (hasRole(user, 'admin')) return true
  const shareable: Where = id ? { visibility: { in: ['public', 'unlisted'] } } : { visibility: { equals: 'public' } }
  const forOthers: Where = hasRole(user, 'moderator') ? shareable : { and: [shareable, { hidden: { not_equals: true } }] }
  if (!user) return forOthers
  return { or: [forOthers, { owner: { equals: user.id } }] }
}
