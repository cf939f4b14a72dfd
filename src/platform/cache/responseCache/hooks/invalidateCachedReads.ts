import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, GlobalAfterChangeHook, PayloadRequest } from 'payload'

import { runAfterCommit } from '@/platform/database/afterCommit'
import { CACHE_INVALIDATIONS_SLUG } from '../CacheInvalidations'
import type { ResponseStore } from '../responseStore'
import { getResponseStore } from '../sharedStore'

/**
 * A shared store: the invalidation is recorded in the change's own transaction, then applied
 * after the commit and its record deleted. When Redis cannot be reached the record stays and the
 * other instances' sweepers apply it (see sweepPendingInvalidations); the store also retries.
 */
const recordAndApply = async (req: PayloadRequest, store: ResponseStore, collections: readonly string[]): Promise<void> => {
  const record = await req.payload.db.create({ collection: CACHE_INVALIDATIONS_SLUG, data: { generations: collections }, req })
  await runAfterCommit(req, async () => {
    // Not applied: left to the sweepers (and to the store's retry, which keeps this instance uncached).
    if (!(await store.invalidate(collections))) return
    // Outside the committed transaction. If this fails, a sweeper bumps once more: harmless.
    await req.payload.db.deleteMany({ collection: CACHE_INVALIDATIONS_SLUG, where: { id: { equals: record.id } } }).catch(() => undefined)
  })
}

/** Set `req.context.skipCacheInvalidation` to write without invalidating (e.g. a bulk import that invalidates once). */
const invalidateAfterCommit = async (req: PayloadRequest, collections: readonly string[]): Promise<void> => {
  if (req.context.skipCacheInvalidation) return
  const store = getResponseStore()
  if (!store) return
  if (store.shared) return recordAndApply(req, store, collections)
  // After the commit: invalidating earlier would let a reader cache the old rows again.
  await runAfterCommit(req, async () => {
    await store.invalidate(collections)
  })
}

/** The generations a change to document `id` bumps (see cacheGenerations). */
type GenerationsOf = (id: string | number | undefined) => string[]

export const invalidateAfterChange =
  (generationsOf: GenerationsOf): CollectionAfterChangeHook =>
  async ({ doc, req }) => {
    await invalidateAfterCommit(req, generationsOf((doc as { id?: string | number }).id))
    return doc
  }

export const invalidateAfterDelete =
  (generationsOf: GenerationsOf): CollectionAfterDeleteHook =>
  async ({ id, req }) => {
    await invalidateAfterCommit(req, generationsOf(id))
  }

export const invalidateAfterGlobalChange =
  (collections: readonly string[]): GlobalAfterChangeHook =>
  async ({ doc, req }) => {
    await invalidateAfterCommit(req, collections)
    return doc
  }
