import type { Plugin } from 'payload'

import { CacheInvalidations } from './CacheInvalidations'
import { cacheGenerations, deletionGeneration, deletionsShown, globalCacheName, readRecordingRules } from './cacheDependencies'
import { invalidateAfterChange, invalidateAfterDelete, invalidateAfterGlobalChange } from './hooks/invalidateCachedReads'
import { recordReadDocument, recordReadTargets } from './hooks/recordCachedReads'

/**
 * Exact invalidation of the response cache: every collection whose documents can appear in a
 * cached response (see cacheDependencies) invalidates what it changes after each change or delete
 * commits: the lists of the cached collections and globals concerned, the changed document's own
 * reads, and the document reads that can populate it (cacheGenerations). The same collections record,
 * while a cached document read is computed, which documents it reads and populates
 * (hooks/recordCachedReads): its entry depends on those alone. `cachedCollections` and
 * `cachedGlobals` are the ones whose public reads the server caches. It adds the hidden collection
 * where changes record their invalidations for other instances (CacheInvalidations).
 */
export const responseCachePlugin =
  ({ cachedCollections, cachedGlobals = [] }: { cachedCollections: readonly string[]; cachedGlobals?: readonly string[] }): Plugin =>
  (config) => {
    const options = { globals: config.globals ?? [], cachedGlobals }
    const affected = cacheGenerations(config.collections ?? [], cachedCollections, options)
    const recording = readRecordingRules(config.collections ?? [], cachedCollections, options)
    const deletions = deletionsShown(config.collections ?? [], cachedCollections, options)
    return {
      ...config,
      collections: [...(config.collections ?? []), CacheInvalidations].map((collection) => {
        const invalidates = affected.get(collection.slug)
        const rule = recording.get(collection.slug)
        const deletion = deletions.has(collection.slug) ? [deletionGeneration(collection.slug)] : []
        if (!invalidates || !rule) {
          if (deletion.length === 0) return collection
          // Shows in no cached response itself (users), but deleting one changes documents that reference it.
          const afterDelete = [...(collection.hooks?.afterDelete ?? []), invalidateAfterDelete(() => deletion)]
          return { ...collection, hooks: { ...collection.hooks, afterDelete } }
        }
        return {
          ...collection,
          hooks: {
            ...collection.hooks,
            // Last: what the other hooks made of the read (drafts refused, ids checked) is what is recorded.
            beforeOperation: [...(collection.hooks?.beforeOperation ?? []), recordReadTargets(collection.slug, rule)],
            afterRead: [...(collection.hooks?.afterRead ?? []), recordReadDocument(collection.slug, rule)],
            afterChange: [...(collection.hooks?.afterChange ?? []), invalidateAfterChange(invalidates)],
            afterDelete: [...(collection.hooks?.afterDelete ?? []), invalidateAfterDelete((id) => [...invalidates(id), ...deletion])],
          },
        }
      }),
      globals: (config.globals ?? []).map((global) => {
        const invalidates = affected.get(globalCacheName(global.slug))
        if (!invalidates) return global
        return {
          ...global,
          hooks: {
            ...global.hooks,
            afterChange: [...(global.hooks?.afterChange ?? []), invalidateAfterGlobalChange(invalidates(undefined))],
          },
        }
      }),
    }
  }
