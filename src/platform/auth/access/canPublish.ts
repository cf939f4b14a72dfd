import type { Access } from 'payload'

import { hasAnyRole, STAFF_ROLES } from '../roles'

/** Editors write and publish content; moderators review, publish and unpublish it. */
export const canPublish: Access = ({ req: { user } }) => hasAnyRole(user, STAFF_ROLES)
