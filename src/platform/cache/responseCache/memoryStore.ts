import type { CachedResponse } from './cachedResponse'
import type { ResponseStore } from './responseStore'

type Entry = { response: CachedResponse; expiresAt: number }
type MemoryState = { generations: Map<string, number>; entries: Map<string, Entry>; clock?: number }

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
  // Documents' generations are kept for good: one number per changed document.
  const bump = (names: readonly string[]) => {
    state.clock = (state.clock ?? 0) + 1
    for (const name of names) state.generations.set(name, state.clock)
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
      state.entries.delete(versionedKey)
      state.entries.set(versionedKey, { response, expiresAt: Date.now() + ttlSeconds * 1000 })
      while (state.entries.size > MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value as string)
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
