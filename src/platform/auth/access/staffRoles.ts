import type { Access } from 'payload'

import { EDITOR_ROLES, hasAnyRole } from '../roles'

/** Editors and admins: those who create and change editorial content and media. */
export const isEditorOrAdmin: Access = ({ req: { user } }) => hasAnyRole(user, EDITOR_ROLES)
