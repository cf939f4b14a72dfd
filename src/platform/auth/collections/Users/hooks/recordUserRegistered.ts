import type { CollectionAfterChangeHook } from 'payload'

import type { User } from '@/payload-types'
import { recordEvent } from '@/platform/events'

/** `user.registered` for every new account (register, Google, admin panel), in its transaction. */
export const recordUserRegistered: CollectionAfterChangeHook<User> = async ({ doc, operation, req }) => {
  if (operation !== 'create') return doc
  // Public profile only: no email, no roles.
  await recordEvent(req, { type: 'user.registered', collection: 'users', docId: String(doc.id), data: { name: doc.name ?? null } })
  return doc
}
