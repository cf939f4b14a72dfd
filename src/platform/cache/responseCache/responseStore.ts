import type { CachedResponse } from './cachedResponse'

export type Lookup = {
  hit: CachedResponse | null
  /**
   * Where to save the response on a miss: the key under the generation the lookup saw; null when
   * the response must not be saved (the collection changed too recently for read replicas to have
   * caught up).
   */
  versionedKey: string | null
}

/**
 * Versioned keys: every cached collection has a generation number, part of the key of each
 * response read from it. Invalidating a collection bumps its generation, so every response cached
 * before is unreachable at once (and expires by its TTL). A reader that fetched old rows just
 * before a bump saves them under the old generation, where no one looks any more.
 */
export type ResponseStore = {
  lookup: (collection: string, key: string) => Promise<Lookup>
  save: (versionedKey: string, response: CachedResponse, ttlSeconds: number) => Promise<void>
  invalidate: (collections: readonly string[]) => Promise<void>
  close: () => Promise<void>
}
