import type { CollectionBeforeOperationHook } from 'payload'

import { isStaffUser } from '../roles'

/**
 * `?draft=true` (REST, GraphQL `draft: true`, Local API `draft`) would read the versions table, where
 * drafts live: for anyone but staff, reads stay on published documents whatever they ask for.
 * Server code reading with access overridden (the Local API default) keeps its `draft`.
 */
export const keepPublicOnPublished: CollectionBeforeOperationHook = ({ args, operation, overrideAccess, req }) => {
  if (operation !== 'read' && operation !== 'count') return args
  const readArgs = args as { draft?: boolean }
  if (!readArgs.draft || overrideAccess || isStaffUser(req.user)) return args
  return { ...args, draft: false }
}
