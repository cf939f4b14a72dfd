import type { Access } from 'payload'

import { hasAnyRole, STAFF_ROLES } from '../roles'

/** Staff (admin, editor, moderator) read drafts too; everyone else only published documents. */
export const staffOrPublished: Access = ({ req: { user } }) => {
  if (hasAnyRole(user, STAFF_ROLES)) return true
  return { _status: { equals: 'published' } }
}
