import type { Access } from 'payload'

import { isStaffUser } from '../roles'

/** Version history (drafts included) is for staff: editors, moderators and admins compare and restore. */
export const staffReadsVersions: Access = ({ req: { user } }) => isStaffUser(user)
