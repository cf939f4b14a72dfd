import type { FieldAccess } from 'payload'

import { hasRole } from '../roles'

/** Private user fields (email, roles): the user themself and admins only. */
export const adminOrSelfField: FieldAccess = ({ req: { user }, id, doc }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  const target = doc?.id ?? id
  return target !== undefined && String(target) === String(user.id)
}
