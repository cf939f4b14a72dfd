import type { PayloadRequest } from 'payload'

import { hasAnyRole, STAFF_ROLES } from '../roles'

export const canAccessAdminPanel = ({ req: { user } }: { req: PayloadRequest }): boolean => hasAnyRole(user, STAFF_ROLES)
