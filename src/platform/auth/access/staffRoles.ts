import type { Access } from 'payload'

import { hasAnyRole } from '../roles'

/** Editors and admins: those who create and change editorial content and media. */
export const isEditorOrAdmin: Access = ({ req: { user } }) => hasAnyRole(user, ['admin', 'editor'])
