/**
 * The collections and globals whose anonymous reads the server caches, both products together:
 * server.ts serves them from the cache, payload.config.ts invalidates them (responseCachePlugin).
 * Where the products meet, like payload.config.ts; plain lists, so server.ts reads them without
 * loading Payload.
 */
import { animeCachedCollections, animeReaderSharedCollections } from './domains/anime/cachedCollections'
import { aviationCachedCollections, aviationCachedGlobals, aviationReaderSharedCollections } from './domains/aviation/cachedCollections'

export const cachedCollections: readonly string[] = [...animeCachedCollections, ...aviationCachedCollections]

export const cachedGlobals: readonly string[] = [...aviationCachedGlobals]

/**
 * The cached collections whose reads a signed-in user without a staff role gets from the same cache
 * entries as an anonymous caller (the token is still checked: revoked or expired is 401).
 */
export const readerSharedCollections: readonly string[] = [...animeReaderSharedCollections, ...aviationReaderSharedCollections]
