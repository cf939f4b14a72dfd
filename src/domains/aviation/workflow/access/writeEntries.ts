import type { Access } from 'payload'

import { EDITOR_ROLES, hasAnyRole } from '@/platform/auth'
import { canApprove, isStaffUser } from '../roles'

/**
 * Payload's admin also asks these with `data._status: 'published'` to decide whether to show the
 * Publish button, so refusing that case both hides the button and refuses the request (403).
 */
const publishes = (data: unknown): boolean => (data as { _status?: unknown } | undefined)?._status === 'published'

/** Editors and admins create entries; an editor's are drafts (published only by an approver). */
export const createEntries: Access = ({ req: { user }, data }) => {
  if (!hasAnyRole(user, EDITOR_ROLES)) return false
  return !publishes(data) || canApprove(user)
}

/** Staff update entries; editors only as drafts, moderators and admins may publish. */
export const updateEntries: Access = ({ req: { user }, data }) => {
  if (!isStaffUser(user)) return false
  return !publishes(data) || canApprove(user)
}
