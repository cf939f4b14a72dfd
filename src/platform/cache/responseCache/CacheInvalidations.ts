import type { CollectionConfig } from 'payload'

import { platformAccessPolicy } from '../../accessPolicy'
import { collectionAccess } from '../../auth/access/policy'

export const CACHE_INVALIDATIONS_SLUG = 'cache-invalidations'

/**
 * Response-cache invalidations not yet known to be applied in Redis. A row is written in the same
 * transaction as the change it invalidates for (a rolled-back change leaves none); the writer
 * deletes it once it has bumped the generations itself, and otherwise any instance that reaches
 * Redis does (see sweepPendingInvalidations): a writer cut off from Redis cannot leave the other
 * instances serving the old response. Server code only, never read over the API.
 */
export const CacheInvalidations: CollectionConfig = {
  slug: CACHE_INVALIDATIONS_SLUG,
  admin: { hidden: true },
  graphQL: false,
  access: collectionAccess(platformAccessPolicy.collections['cache-invalidations']),
  fields: [
    // The cache names (collections, `globals/<slug>`) whose generation the change bumps.
    { name: 'generations', type: 'json', required: true },
  ],
}
