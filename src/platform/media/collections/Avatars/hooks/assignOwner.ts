import type { CollectionBeforeChangeHook } from 'payload'

import { hasRole } from '../../../../auth/roles'

/** An avatar belongs to whoever uploads it; only an admin may upload one on someone's behalf. */
export const assignOwner: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation !== 'create' || !req.user) return data
  if (hasRole(req.user, 'admin') && data.owner) return data
  return { ...data, owner: req.user.id }
}
