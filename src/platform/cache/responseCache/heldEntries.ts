import type { CachedResponse } from './cachedResponse'

type Held = { versionedKey: string; response: CachedResponse; bytes: number }

/** A hit's headers are completed in place (sendCached): each caller gets its own object. */
export const copyOf = ({ status, headers, body }: CachedResponse): CachedResponse => ({ status, headers: { ...headers }, body })

/** Rough size of a held response: its body and headers, plus the key twice (map key, versioned key). */
const sizeOf = (key: string, versionedKey: string, { headers, body }: CachedResponse): number => {
  let bytes = body.length + 2 * (key.length + versionedKey.length)
  for (const [name, value] of Object.entries(headers)) bytes += name.length + String(value).length
  return bytes
}

/**
 * The Redis entries this instance last read, decoded, by request key and with the versioned key
 * they were read under, within `maxBytes` (the oldest go first). Never an answer by itself: a
 * lookup still asks Redis which versioned key is current and whether its entry is still there, and
 * only then sends the held copy instead of having Redis send the same bytes again (see
 * LOOKUP_SCRIPT). Entries larger than a tenth of the budget are not held.
 */
export const createHeldEntries = (maxBytes: number) => {
  const entries = new Map<string, Held>()
  let total = 0
  const forget = (key: string) => {
    const held = entries.get(key)
    if (!held) return
    entries.delete(key)
    total -= held.bytes
  }
  return {
    get: (key: string): Held | undefined => entries.get(key),
    keep: (key: string, versionedKey: string, response: CachedResponse) => {
      forget(key)
      const bytes = sizeOf(key, versionedKey, response)
      if (bytes > maxBytes / 10) return
      // The caller sends `response` (headers completed in place): a copy is held.
      entries.set(key, { versionedKey, response: copyOf(response), bytes })
      total += bytes
      for (const oldest of entries.keys()) {
        if (total <= maxBytes) break
        forget(oldest)
      }
    },
    forget,
    /** Bytes held now. */
    size: () => total,
  }
}
