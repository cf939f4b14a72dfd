/**
 * The collections and globals whose anonymous reads the server caches, both products together:
 * server.ts serves them from the cache, payload.config.ts invalidates them (responseCachePlugin).
 * Where the products meet, like payload.config.ts; plain lists, so server.ts reads them without
 * loading Payload.
 */
import { animeCachedCollections } from './domains/anime/cachedCollections'
import { aviationCachedCollections, aviationCachedGlobals } from './domains/aviation/cachedCollections'

export const cachedCollections: readonly string[] = [...animeCachedCollections, ...aviationCachedCollections]

export const cachedGlobals: readonly string[] = [...aviationCachedGlobals]
