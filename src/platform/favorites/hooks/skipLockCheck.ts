import type { CollectionBeforeOperationHook } from 'payload'

/**
 * REST update/delete default to `overrideLock: false`, and Payload then looks up
 * payload_locked_documents on a second pool connection (outside the request's transaction)
 * while the transaction holds the first. With as many concurrent removals as the pool has
 * connections, every transaction waits for a connection none will give back. Nobody edits a
 * favorite in the admin, so there is no edit lock to respect: skip the lookup.
 */
export const skipLockCheck: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation === 'delete' || operation === 'update') return { ...args, overrideLock: true }
  return args
}
