import type { CachedResponse } from './cachedResponse'
import type { ResponseStore } from './responseStore'

type Entry = { response: CachedResponse; expiresAt: number }
/** A document read's entry: with the generations it depends on and their values when it was saved. */
type TrackedEntry = Entry & { dependsOn: [name: string, value: number][] }
type MemoryState = {
  generations: Map<string, number>
  entries: Map<string, Entry>
  tracked?: Map<string, TrackedEntry>
  clock?: number
}

/** Oldest entries go first beyond this many (a Map keeps insertion order). */
const MAX_ENTRIES = 5_000

/**
 * The cache without Redis (the embedded default, one instance): in this process's memory. The
 * state lives on globalThis because server.ts (which serves hits) and Next's bundle (whose hooks
 * invalidate) each load their own copy of this module.
 */
export const createMemoryStore = (): ResponseStore => {
  const state = ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.responseCache.memory')] ??= {
    generations: new Map(),
    entries: new Map(),
  }) as MemoryState
  // Absent from a state an older copy of this module created.
  const tracked = (state.tracked ??= new Map<string, TrackedEntry>())
  // Documents' generations are kept for good: one number per changed document.
  const bump = (names: readonly string[]) => {
    state.clock = (state.clock ?? 0) + 1
    for (const name of names) state.generations.set(name, state.clock)
  }
  const generation = (name: string) => state.generations.get(name) ?? 0
  const keep = <T>(entries: Map<string, T>, key: string, entry: T) => {
    entries.delete(key)
    entries.set(key, entry)
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string)
  }
  return {
    lookup: async (dependsOn, key) => {
      const names = typeof dependsOn === 'string' ? [dependsOn] : dependsOn
      let versionedKey = key
      for (const name of names) versionedKey += `:${state.generations.get(name) ?? 0}`
      const entry = state.entries.get(versionedKey)
      if (entry && entry.expiresAt <= Date.now()) state.entries.delete(versionedKey)
      return { hit: entry && entry.expiresAt > Date.now() ? entry.response : null, versionedKey }
    },
    save: async (versionedKey, response, ttlSeconds) => {
      keep(state.entries, versionedKey, { response, expiresAt: Date.now() + ttlSeconds * 1000 })
    },
    lookupTracked: async (key) => {
      const entry = tracked.get(key)
      if (entry && entry.expiresAt > Date.now() && entry.dependsOn.every(([name, value]) => generation(name) === value))
        return { hit: entry.response, snapshot: null }
      if (entry) tracked.delete(key)
      return { hit: null, snapshot: state.clock ?? 0 }
    },
    saveTracked: async (key, dependsOn, snapshot, response, ttlSeconds) => {
      // Bumped since the lookup: the response may hold what was read before that change committed.
      if (dependsOn.some((name) => generation(name) > snapshot)) return false
      const values = dependsOn.map((name): [string, number] => [name, generation(name)])
      keep(tracked, key, { response, expiresAt: Date.now() + ttlSeconds * 1000, dependsOn: values })
      return true
    },
    invalidate: async (collections) => {
      bump(collections)
      return true
    },
    apply: async (collections) => bump(collections),
    // One process: nothing to record for other instances, and it never loses its connection.
    shared: false,
    setBehind: () => undefined,
    onReconnect: () => undefined,
    close: async () => undefined,
  }
}
