import type { CollectionBeforeChangeHook } from 'payload'

import type { Avatar } from '@/payload-types'
import { hasRole } from '@/platform/auth'

/** An avatar belongs to whoever uploads it; only an admin may upload one on someone's behalf. */
export const assignOwner: CollectionBeforeChangeHook<Avatar> = ({ data, operation, req }) => {
  if (operation !== 'create' || !req.user) return data
  if (hasRole(req.user, 'admin') && data.owner) return data
  return { ...data, owner: req.user.id }
}
