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

/** A lookup of a response whose dependencies are recorded as it is computed (lookupTracked). */
export type TrackedLookup = {
  hit: CachedResponse | null
  /**
   * On a miss: the generation clock as the lookup saw it (for saveTracked), before the response is
   * computed; null when the response must not be saved.
   */
  snapshot: number | null
}

/**
 * Versioned keys: every list or query response depends on one or more generations (see
 * cacheGenerations: its collection's), all part of its key. Invalidating bumps generations, so every response cached before is
 * unreachable at once (and expires by its TTL). A reader that fetched old rows just before a bump
 * saves them under the old generation, where no one looks any more. Document reads depend on the
 * generations their reads recorded (lookupTracked, saveTracked).
 */
export type ResponseStore = {
  /** `dependsOn`: the generations the response depends on (one name or several). */
  lookup: (dependsOn: string | readonly string[], key: string) => Promise<Lookup>
  save: (versionedKey: string, response: CachedResponse, ttlSeconds: number) => Promise<void>
  /**
   * Document reads, whose generations are known only once computed (see readDependencies): the
   * entry kept under `key` if every generation it was saved with is unchanged since.
   */
  lookupTracked: (key: string) => Promise<TrackedLookup>
  /**
   * Keeps `response` under `key` with the generations it depends on and their current values,
   * unless one of them was bumped after `snapshot` (the lookup's): the response may then have been
   * read before that change committed. Resolves whether it was saved.
   */
  saveTracked: (
    key: string,
    dependsOn: readonly string[],
    snapshot: number,
    response: CachedResponse,
    ttlSeconds: number,
  ) => Promise<boolean>
  /**
   * Bumps the generations; never fails: a store that cannot reach its backend retries by itself
   * and resolves false (true: bumped now).
   */
  invalidate: (generations: readonly string[]) => Promise<boolean>
  /** Bumps the generations now; rejects when they may not have been bumped (Redis away). */
  apply: (generations: readonly string[]) => Promise<void>
  /**
   * Shared by several instances (Redis): a change records its invalidation in the database too
   * (see CacheInvalidations), so that another instance can apply it when the writer cannot.
   */
  shared: boolean
  /**
   * Whether invalidations recorded in the database may be waiting (the sweeper sets it): while
   * true, lookups fail and requests are served uncached. Starts false.
   */
  setBehind: (behind: boolean) => void
  /** Called each time the store's connection comes back after being lost. */
  onReconnect: (listener: () => void) => void
  close: () => Promise<void>
}
