import { Redis } from 'ioredis'

import { coalesceWrites } from '../coalesceWrites'
import { unwatchRedisConnection, watchRedisConnection } from '../watchRedisConnection'
import { type CachedResponse, decodeCachedResponse, encodeCachedResponse } from './cachedResponse'
import { copyOf, createHeldEntries } from './heldEntries'
import type { ResponseStore } from './responseStore'

/**
 * Reads the generations a response depends on (KEYS 1..n), the entry under them and whether any of
 * them is still settling (KEYS n+1..2n: bumped less than `settleMs` ago), in one round trip. When
 * the entry is the one this instance already holds (ARGV[3], its versioned key) and is still there,
 * answers 1 instead of its bytes.
 */
const LOOKUP_SCRIPT = `
local n = tonumber(ARGV[2])
local versioned = ARGV[1]
for i = 1, n do versioned = versioned .. ':' .. (redis.call('GET', KEYS[i]) or '0') end
local settling = 0
for i = n + 1, #KEYS do settling = settling + redis.call('EXISTS', KEYS[i]) end
if versioned == ARGV[3] and redis.call('EXISTS', versioned) == 1 then return {versioned, 1, settling} end
return {versioned, redis.call('GET', versioned), settling}`

/**
 * Bumps generations (KEYS 2..n+1) to a fresh value of the clock (KEYS[1]), never used before: a
 * generation key may expire (documents' generations would otherwise pile up) and read as 0 again
 * without ever bringing back an entry saved under a value it had. Marks them settling (KEYS
 * n+2..2n+1) and, with read replicas, notes the bump's clock value by its time (KEYS[2n+2]) for
 * LOOKUP_TRACKED_SCRIPT.
 */
const BUMP_SCRIPT = `
local n = tonumber(ARGV[1])
local settle = tonumber(ARGV[3])
local clock = redis.call('INCR', KEYS[1])
for i = 2, n + 1 do
  redis.call('SET', KEYS[i], clock, 'EX', ARGV[2])
  if settle > 0 then redis.call('SET', KEYS[i + n], '1', 'PX', settle) end
end
if settle > 0 then
  local time = redis.call('TIME')
  local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
  redis.call('ZADD', KEYS[2 * n + 2], now, clock)
  redis.call('ZREMRANGEBYSCORE', KEYS[2 * n + 2], '-inf', now - settle)
  redis.call('PEXPIRE', KEYS[2 * n + 2], settle)
end
return clock`

/**
 * A tracked entry (KEYS[1], a hash: `d` its generations' names and values, `r` the response)
 * whose generations (read under the prefix ARGV[1]) all still have the values it was saved with:
 * {1, response, d}, or {2} when this instance holds the response saved with that very `d` (ARGV[3]):
 * any entry saved with the same generations' values is as fresh. Otherwise {0, snapshot}: the clock now, or with read replicas (ARGV[2] ms to
 * settle) the clock just before the first bump of the last ARGV[2] ms (KEYS[3]), as if the read
 * started then: a replica may not show those changes yet, so a response depending on them is not
 * saved. The generations' keys are not declared: they are known only from the entry (one Redis,
 * no cluster).
 */
const LOOKUP_TRACKED_SCRIPT = `
local dependencies = redis.call('HGET', KEYS[1], 'd')
if dependencies then
  local fresh = true
  for name, value in string.gmatch(dependencies, '([^\\t\\n]+)\\t([^\\n]+)\\n') do
    if (redis.call('GET', ARGV[1] .. name) or '0') ~= value then
      fresh = false
      break
    end
  end
  if fresh then
    if ARGV[3] ~= '' and dependencies == ARGV[3] then return {2, ''} end
    local response = redis.call('HGET', KEYS[1], 'r')
    if response then return {1, response, dependencies} end
  end
end
local snapshot = tonumber(redis.call('GET', KEYS[2]) or '0')
local settle = tonumber(ARGV[2])
if settle > 0 then
  local time = redis.call('TIME')
  local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
  local first = redis.call('ZRANGEBYSCORE', KEYS[3], now - settle, '+inf', 'LIMIT', 0, 1)[1]
  if first and tonumber(first) - 1 < snapshot then snapshot = tonumber(first) - 1 end
end
return {0, tostring(snapshot)}`

/**
 * Saves a tracked entry (KEYS[1]) with the generations it depends on (KEYS 2.., named ARGV 4..)
 * and their current values, unless one was bumped after the lookup's snapshot (ARGV[1]): its
 * response may hold rows read before that change committed. ARGV[2]: TTL, ARGV[3]: the response.
 */
const SAVE_TRACKED_SCRIPT = `
local snapshot = tonumber(ARGV[1])
local dependencies = {}
for i = 2, #KEYS do
  local value = redis.call('GET', KEYS[i]) or '0'
  if tonumber(value) > snapshot then return 0 end
  dependencies[#dependencies + 1] = ARGV[i + 2] .. '\\t' .. value .. '\\n'
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'd', table.concat(dependencies), 'r', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1`

/**
 * How long a generation outlives its last bump: longer than any entry lives (CACHE_TTL_SECONDS is
 * at most a day), so that once it has expired (read as 0) every entry saved under 0 before its
 * first bump has expired too.
 */
const GENERATION_TTL_SECONDS = 2 * 86_400

/** Entries of this format live under their own prefix: none of an older format is ever read. */
const ENTRY_PREFIX = 'e2:'
/** Tracked entries (document reads), one per request key. */
const TRACKED_PREFIX = 't1:'

type LookupCommand = (keyCount: number, ...args: (string | number)[]) => Promise<[Buffer, Buffer | 1 | null, number]>
type BumpCommand = (keyCount: number, ...args: (string | number)[]) => Promise<number>
type LookupTrackedCommand = (keyCount: number, ...args: (string | number)[]) => Promise<[number, Buffer, Buffer?]>
type SaveTrackedCommand = (keyCount: number, ...args: (string | number | Buffer)[]) => Promise<number>
type RedisWithLookup = Redis & {
  responseCacheLookupBuffer: LookupCommand
  responseCacheBump: BumpCommand
  responseCacheLookupTrackedBuffer: LookupTrackedCommand
  responseCacheSaveTracked: SaveTrackedCommand
}

const RETRY_INVALIDATION_MS = 1_000

export type RedisStoreOptions = {
  url: string
  /** Prefix of every key, e.g. `cms:rc:<database scope>:`. */
  prefix: string
  onError: (error: unknown, action: string) => void
  /**
   * With read replicas: for this long after a change, misses of the changed collections are
   * served but not saved, since another instance may read them from a replica that has not replayed
   * the change yet. 0 (no replicas): saved at once.
   */
  settleMs?: number
  /**
   * Memory for the entries this instance last read (heldEntries): a hit on one of them is answered
   * with Redis's word that it is still current instead of its bytes. 0: nothing held.
   */
  heldBytes?: number
}

/** Enough for the list pages and searches a busy instance answers most. */
const HELD_BYTES = 16 * 1024 * 1024

/**
 * The shared cache in Redis. Its connection fails fast (no offline queue, short timeouts): when
 * Redis is away a request is served uncached rather than kept waiting, and ioredis reconnects by
 * itself. An invalidation that cannot reach Redis is retried until it lands (at once when the
 * connection is back), and this instance serves nothing from the cache until then, so entries
 * saved before the change cannot come back with Redis. Another instance that reconnects first may
 * serve such an entry until the retry lands (about a second); the TTL bounds the rest.
 *
 * Each lookup asks Redis which entry is current; the bytes of one this instance read before (and
 * still holds, see heldEntries) are not sent again: Redis answers that it is still the one.
 *
 * Changes are also recorded in the database (CacheInvalidations): a sweeper in every instance
 * applies those its writer could not, and marks this store "behind" while it has not yet checked
 * them after a reconnect, so no instance serves an entry older than a committed change for longer
 * than a sweep interval.
 */
export const createRedisStore = ({ url, prefix, onError, settleMs = 0, heldBytes = HELD_BYTES }: RedisStoreOptions): ResponseStore => {
  const redis = new Redis(url, {
    connectionName: 'cms-response-cache',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 250,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  }) as RedisWithLookup
  // Lost/restored are logged once each by the watcher; a failed command reaches onError.
  watchRedisConnection(redis, 'cms-response-cache')
  redis.defineCommand('responseCacheLookup', { lua: LOOKUP_SCRIPT })
  redis.defineCommand('responseCacheBump', { lua: BUMP_SCRIPT })
  redis.defineCommand('responseCacheLookupTracked', { lua: LOOKUP_TRACKED_SCRIPT })
  redis.defineCommand('responseCacheSaveTracked', { lua: SAVE_TRACKED_SCRIPT })

  // `g:`, not the former `gen:`, whose INCR values the clock would meet again.
  const generationKey = (name: string) => `${prefix}g:${name}`
  const settlingKey = (name: string) => `${prefix}settling:${name}`
  const clockKey = `${prefix}gen-clock`
  const recentBumpsKey = `${prefix}recent-bumps`
  const unsent = new Set<string>()
  let retry: NodeJS.Timeout | undefined
  let behind = false
  let connectedBefore = false
  const reconnectListeners: (() => void)[] = []
  const heldEntries = createHeldEntries(heldBytes)

  const bump = async (names: readonly string[]): Promise<void> => {
    if (names.length === 0) return
    const keys = [clockKey, ...names.map(generationKey), ...names.map(settlingKey), recentBumpsKey]
    await redis.responseCacheBump(keys.length, ...keys, names.length, GENERATION_TTL_SECONDS, settleMs)
  }

  const flushUnsent = () => {
    clearTimeout(retry)
    retry = undefined
    const collections = [...unsent]
    if (collections.length === 0) return
    bump(collections).then(
      () => collections.forEach((collection) => unsent.delete(collection)),
      () => scheduleRetry(),
    )
  }
  const scheduleRetry = () => {
    retry ??= setTimeout(flushUnsent, RETRY_INVALIDATION_MS)
    retry.unref()
  }
  redis.on('ready', () => {
    flushUnsent()
    if (connectedBefore) reconnectListeners.forEach((listener) => listener())
    connectedBefore = true
  })

  const refuseWhileBehind = () => {
    // Until this instance's own missed invalidations have landed, its entries may be stale.
    if (unsent.size > 0) throw new Error('invalidations still pending')
    if (behind) throw new Error('recorded invalidations not yet applied')
  }

  return {
    lookup: async (dependsOn, key) => {
      refuseWhileBehind()
      const names = typeof dependsOn === 'string' ? [dependsOn] : dependsOn
      const keys = [...names.map(generationKey), ...names.map(settlingKey)]
      const entryKey = `${ENTRY_PREFIX}${key}`
      const held = heldEntries.get(entryKey)
      coalesceWrites(redis)
      const [versioned, entry, settling] = await redis.responseCacheLookupBuffer(
        keys.length,
        ...keys,
        `${prefix}${entryKey}`,
        names.length,
        held?.versionedKey ?? '',
      )
      const versionedKey = versioned.toString()
      let hit: CachedResponse | null = null
      if (entry === 1 && held) hit = copyOf(held.response)
      else if (Buffer.isBuffer(entry)) {
        hit = decodeCachedResponse(entry)
        if (hit) heldEntries.keep(entryKey, versionedKey, hit)
      } else heldEntries.forget(entryKey)
      return { versionedKey: settling ? null : versionedKey, hit }
    },
    save: async (versionedKey, response, ttlSeconds) => {
      await redis.set(versionedKey, encodeCachedResponse(response), 'EX', ttlSeconds)
    },
    lookupTracked: async (key) => {
      refuseWhileBehind()
      const entryKey = `${TRACKED_PREFIX}${key}`
      const held = heldEntries.get(entryKey)
      coalesceWrites(redis)
      const [found, value, dependencies] = await redis.responseCacheLookupTrackedBuffer(
        3,
        `${prefix}${entryKey}`,
        clockKey,
        recentBumpsKey,
        `${prefix}g:`,
        settleMs,
        held?.versionedKey ?? '',
      )
      if (found === 2 && held) return { hit: copyOf(held.response), snapshot: null }
      if (found === 1) {
        // An unreadable entry is computed again and not saved (it expires).
        const hit = decodeCachedResponse(value)
        if (hit && dependencies) heldEntries.keep(entryKey, dependencies.toString(), hit)
        return { hit, snapshot: null }
      }
      heldEntries.forget(entryKey)
      return { hit: null, snapshot: Number(value.toString()) }
    },
    saveTracked: async (key, dependsOn, snapshot, response, ttlSeconds) => {
      const saved = await redis.responseCacheSaveTracked(
        1 + dependsOn.length,
        `${prefix}${TRACKED_PREFIX}${key}`,
        ...dependsOn.map(generationKey),
        snapshot,
        ttlSeconds,
        encodeCachedResponse(response),
        ...dependsOn,
      )
      return saved === 1
    },
    invalidate: async (collections) => {
      try {
        await bump(collections)
        return true
      } catch (error) {
        onError(error, 'invalidate')
        collections.forEach((collection) => unsent.add(collection))
        scheduleRetry()
        return false
      }
    },
    apply: bump,
    shared: true,
    setBehind: (value) => {
      behind = value
    },
    onReconnect: (listener) => {
      reconnectListeners.push(listener)
    },
    close: async () => {
      clearTimeout(retry)
      unwatchRedisConnection('cms-response-cache')
      redis.disconnect()
    },
  }
}
