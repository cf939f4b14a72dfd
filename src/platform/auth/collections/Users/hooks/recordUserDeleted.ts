import type { CollectionAfterDeleteHook } from 'payload'

import type { User } from '@/payload-types'
import { recordEvent } from '@/platform/events'

/** `user.deleted`, in the deletion's transaction. */
export const recordUserDeleted: CollectionAfterDeleteHook<User> = async ({ id, doc, req }) => {
  await recordEvent(req, { type: 'user.deleted', collection: 'users', docId: String(id), data: {} })
  return doc
}
