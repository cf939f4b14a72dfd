import type { Access } from 'payload'

import { hasRole } from '../roles'

/** Admins see every user; anyone else only their own document (a `where` filter). */
export const adminOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  return { id: { equals: user.id } }
}
