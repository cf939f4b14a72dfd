import type { Access } from 'payload'

import { hasAnyRole, STAFF_ROLES } from '../roles'

/** Staff (admin, editor, moderator): those who work in the admin panel, see drafts and version history. */
export const isStaff: Access = ({ req: { user } }) => hasAnyRole(user, STAFF_ROLES)
