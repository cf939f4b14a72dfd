import type { CollectionBeforeChangeHook } from 'payload'

import { hasRole } from '../../auth'

/**
 * A user's own records (favorites, lists, history) belong to whoever creates them: the owner comes
 * from the token, never from the body. Only an admin may create one on someone's behalf.
 */
export const assignCurrentUser =
  (field: string): CollectionBeforeChangeHook =>
  ({ data, operation, req }) => {
    if (operation !== 'create' || !req.user) return data
    if (hasRole(req.user, 'admin') && data[field]) return data
    return { ...data, [field]: req.user.id }
  }
