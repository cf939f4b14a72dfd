import type { Access } from 'payload'

import { hasRole } from '../roles'

/**
 * A user's own records (favorites, history): a `where` on the `user` field. Admins see all.
 * Anonymous callers see nothing.
 */
export const ownRecords: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  return { user: { equals: user.id } }
}
