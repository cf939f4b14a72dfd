import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook, PayloadRequest } from 'payload'

import { runAfterCommit } from '../../../database/afterCommit'
import { getResponseStore } from '../sharedStore'

/** Set `req.context.skipCacheInvalidation` to write without invalidating (e.g. a bulk import that invalidates once). */
const invalidateAfterCommit = async (req: PayloadRequest, collections: readonly string[]): Promise<void> => {
  if (req.context.skipCacheInvalidation) return
  const store = getResponseStore()
  if (!store) return
  // After the commit: invalidating earlier would let a reader cache the old rows again.
  await runAfterCommit(req, () => store.invalidate(collections))
}

export const invalidateAfterChange =
  (collections: readonly string[]): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    await invalidateAfterCommit(req, collections)
    return doc
  }

export const invalidateAfterDelete =
  (collections: readonly string[]): CollectionAfterDeleteHook =>
  async ({ req }) => {
    await invalidateAfterCommit(req, collections)
  }

export const invalidateAfterGlobalChange =
  (collections: readonly string[]): GlobalAfterChangeHook =>
  async ({ doc, req }) => {
    await invalidateAfterCommit(req, collections)
    return doc
  }
