import type { Plugin } from 'payload'

import { cacheDependencies } from './cacheDependencies'
import { invalidateAfterChange, invalidateAfterDelete } from './hooks/invalidateCachedReads'

/**
 * Exact invalidation of the response cache: every collection whose documents can appear in a
 * cached response (see cacheDependencies) invalidates the cached collections concerned after each
 * change or delete commits. `cachedCollections` are the ones whose public reads the server caches.
 */
export const responseCachePlugin =
  ({ cachedCollections }: { cachedCollections: readonly string[] }): Plugin =>
  (config) => {
    const affected = cacheDependencies(config.collections ?? [], cachedCollections)
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => {
        const invalidates = affected.get(collection.slug)
        if (!invalidates) return collection
        return {
          ...collection,
          hooks: {
            ...collection.hooks,
            afterChange: [...(collection.hooks?.afterChange ?? []), invalidateAfterChange(invalidates)],
            afterDelete: [...(collection.hooks?.afterDelete ?? []), invalidateAfterDelete(invalidates)],
          },
        }
      }),
    }
  }
