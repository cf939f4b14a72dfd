import type { CollectionBeforeDeleteHook, CollectionSlug } from 'payload'

import { publishSessionEvent } from '@/platform/realtime'

/** A collection whose documents belong to one user through a relationship field. */
export type OwnedCollection = { collection: CollectionSlug; ownerField: string }

/**
 * Deleting an account first deletes what it owns (sessions, avatars, and the domains' favorites, lists
 * and history, handed in by the config) in the same transaction.
 */
export const removeOwnData =
  (owned: OwnedCollection[]): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    if (req.context.skipOwnDataRemoval) return
    for (const { collection, ownerField } of owned) {
      await req.payload.delete({
        collection,
        where: { [ownerField]: { equals: id } },
        overrideAccess: true,
        req,
      })
    }
    await publishSessionEvent({ type: 'session.revoked', userId: String(id), reason: 'account-deleted' })
  }
