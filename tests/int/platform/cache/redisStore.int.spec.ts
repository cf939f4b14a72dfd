import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'

import { encodeCachedResponse } from '@/platform/cache/responseCache/cachedResponse'
import { createRedisStore } from '@/platform/cache/responseCache/redisStore'
import type { ResponseStore } from '@/platform/cache/responseCache/responseStore'
import { REDIS_URL } from '../../../helpers/redis'

/**
 * The Redis response store on the real Redis, keys under a prefix of this file's own: versioned
 * keys, and the settle window that keeps a changed collection's responses from being saved while
 * read replicas may still serve the old rows.
 */

const prefix = `test:rc:${randomBytes(4).toString('hex')}:`
const stores: ResponseStore[] = []
const response = (body: string) => ({ status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from(body) })

/** A store whose connection is up (it fails fast rather than queue commands while connecting). */
const newStore = async (settleMs?: number, heldBytes?: number) => {
  const store = createRedisStore({ url: REDIS_URL, prefix, onError: () => undefined, settleMs, heldBytes })
  stores.push(store)
  for (let attempt = 0; ; attempt++) {
    try {
      await store.lookup('probe', 'probe')
      return store
    } catch (error) {
      if (attempt === 100) throw error
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()))
  const redis = new Redis(REDIS_URL)
  const keys = await redis.keys(`${prefix}*`)
  if (keys.length) await redis.del(...keys)
  redis.disconnect()
})

describe('Redis response store', () => {
  it('saves under the generation it saw; a change makes the entry unreachable at once', async () => {
    const store = await newStore()
    const first = await store.lookup('anime', 'GET /api/anime')
    expect(first.hit).toBeNull()
    expect(first.versionedKey).toBeTruthy()
    await store.save(first.versionedKey!, response('{"v":1}'), 60)
    expect((await store.lookup('anime', 'GET /api/anime')).hit?.body.toString()).toBe('{"v":1}')

    await store.invalidate(['anime'])
    const after = await store.lookup('anime', 'GET /api/anime')
    expect(after.hit).toBeNull()
    // No replicas: the next response may be saved straight away, under the new generation.
    expect(after.versionedKey).toBeTruthy()
    expect(after.versionedKey).not.toBe(first.versionedKey)
  })

  it('a hit on the entry this instance read last is sent from its copy, only while Redis still has that entry under the current generation', async () => {
    const redis = new Redis(REDIS_URL)
    try {
      const store = await newStore()
      const key = 'GET /api/anime?held'
      const { versionedKey } = await store.lookup('anime-held', key)
      await store.save(versionedKey!, response('{"v":1}'), 60)
      const first = await store.lookup('anime-held', key)
      expect(first.hit?.body.toString()).toBe('{"v":1}')
      // The hit's headers are the caller's to complete: the held copy keeps its own.
      first.hit!.headers['x-cache'] = 'HIT'

      // Another instance saved other bytes under the same versioned key (the same generation, as
      // fresh): this instance answers from its copy; Redis no longer sends the bytes.
      await redis.set(versionedKey!, encodeCachedResponse(response('{"v":"other"}')), 'EX', 60)
      const held = await store.lookup('anime-held', key)
      expect(held.hit?.body.toString()).toBe('{"v":1}')
      expect(held.hit?.headers).toEqual({ 'content-type': 'application/json' })
      // A store holding nothing reads what Redis has.
      expect((await (await newStore(0, 0)).lookup('anime-held', key)).hit?.body.toString()).toBe('{"v":"other"}')

      // Gone from Redis (expired, evicted): a miss, whatever this instance holds.
      await redis.del(versionedKey!)
      expect((await store.lookup('anime-held', key)).hit).toBeNull()
      await store.save(versionedKey!, response('{"v":2}'), 60)
      expect((await store.lookup('anime-held', key)).hit?.body.toString()).toBe('{"v":2}')
      // A change: a miss at once, though the old entry is still in Redis and held here.
      await (await newStore()).invalidate(['anime-held'])
      expect((await store.lookup('anime-held', key)).hit).toBeNull()
    } finally {
      redis.disconnect()
    }
  })

  it('with read replicas, saves nothing of a changed collection until it has settled, on any instance', async () => {
    const writer = await newStore(400)
    const other = await newStore(400)
    const before = await other.lookup('articles', 'GET /api/articles')
    expect(before.versionedKey).toBeTruthy()

    await writer.invalidate(['articles'])
    for (const store of [writer, other]) {
      const settling = await store.lookup('articles', 'GET /api/articles')
      expect(settling.hit).toBeNull()
      expect(settling.versionedKey).toBeNull()
    }
    // Other collections are unaffected.
    expect((await other.lookup('genres', 'GET /api/genres')).versionedKey).toBeTruthy()

    await new Promise((resolve) => setTimeout(resolve, 500))
    const settled = await other.lookup('articles', 'GET /api/articles')
    expect(settled.versionedKey).toBeTruthy()
    expect(settled.versionedKey).not.toBe(before.versionedKey)
  })

  it('tracked entries: a hit while none of their generations moved; a bump of one of them, and only that, takes them away', async () => {
    const store = await newStore()
    const key = 'GET /api/anime/1?depth=1'
    const miss = await store.lookupTracked(key)
    expect(miss.hit).toBeNull()
    expect(miss.snapshot).not.toBeNull()
    expect(await store.saveTracked(key, ['anime#1', 'genres#7'], miss.snapshot!, response('{"v":1}'), 60)).toBe(true)
    expect((await store.lookupTracked(key)).hit?.body.toString()).toBe('{"v":1}')

    await store.invalidate(['anime#2', 'anime', 'genres@deps'])
    expect((await store.lookupTracked(key)).hit?.body.toString()).toBe('{"v":1}')
    await store.invalidate(['genres#7'])
    const after = await store.lookupTracked(key)
    expect(after.hit).toBeNull()
    expect(await store.saveTracked(key, ['anime#1', 'genres#7'], after.snapshot!, response('{"v":2}'), 60)).toBe(true)
    // Another instance sees the same entry.
    expect((await (await newStore()).lookupTracked(key)).hit?.body.toString()).toBe('{"v":2}')
  })

  it("tracked entries: a hit is sent from this instance's copy while the entry's generations are those it was read with", async () => {
    const redis = new Redis(REDIS_URL)
    try {
      const store = await newStore()
      const key = 'GET /api/anime/8?held'
      const miss = await store.lookupTracked(key)
      expect(await store.saveTracked(key, ['anime#8'], miss.snapshot!, response('{"v":1}'), 60)).toBe(true)
      expect((await store.lookupTracked(key)).hit?.body.toString()).toBe('{"v":1}')
      // Other bytes saved with the same generations (another instance): this one keeps its copy.
      await redis.hset(`${prefix}t1:${key}`, 'r', encodeCachedResponse(response('{"v":"other"}')))
      expect((await store.lookupTracked(key)).hit?.body.toString()).toBe('{"v":1}')
      expect((await (await newStore(0, 0)).lookupTracked(key)).hit?.body.toString()).toBe('{"v":"other"}')
      // A bump of its document: a miss at once.
      await store.invalidate(['anime#8'])
      expect((await store.lookupTracked(key)).hit).toBeNull()
    } finally {
      redis.disconnect()
    }
  })

  it('tracked entries: a change bumped between the lookup and the save keeps the response from being saved', async () => {
    const store = await newStore()
    const key = 'GET /api/anime/3?depth=1'
    const { snapshot } = await store.lookupTracked(key)
    // The reader read the old rows; the change commits and bumps; then the reader saves.
    await (await newStore()).invalidate(['media#4'])
    expect(await store.saveTracked(key, ['anime#3', 'media#4'], snapshot!, response('{"old":true}'), 60)).toBe(false)
    expect((await store.lookupTracked(key)).hit).toBeNull()
    // A bump of something else does not stop it.
    const again = await store.lookupTracked(key)
    await store.invalidate(['anime#99'])
    expect(await store.saveTracked(key, ['anime#3', 'media#4'], again.snapshot!, response('{"new":true}'), 60)).toBe(true)
  })

  it('tracked entries, with read replicas: nothing bumped in the settle window before the lookup is saved', async () => {
    const writer = await newStore(400)
    const other = await newStore(400)
    await writer.invalidate(['articles#5'])
    const settling = await other.lookupTracked('GET /api/articles/5')
    expect(await other.saveTracked('GET /api/articles/5', ['articles#5'], settling.snapshot!, response('{}'), 60)).toBe(false)
    // Other documents are unaffected.
    const unrelated = await other.lookupTracked('GET /api/articles/6')
    expect(await other.saveTracked('GET /api/articles/6', ['articles#6'], unrelated.snapshot!, response('{}'), 60)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 500))
    const settled = await other.lookupTracked('GET /api/articles/5')
    expect(await other.saveTracked('GET /api/articles/5', ['articles#5'], settled.snapshot!, response('{}'), 60)).toBe(true)
    expect((await writer.lookupTracked('GET /api/articles/5')).hit).not.toBeNull()
  })

  it('lookups issued together (one write to Redis) each get their own answer, in whatever phase of the event loop they start', async () => {
    const store = await newStore()
    const keys = Array.from({ length: 40 }, (_, i) => `GET /api/anime?together=${i}`)
    for (const key of keys.filter((_, i) => i % 2 === 0)) {
      const { versionedKey } = await store.lookup('anime-together', key)
      await store.save(versionedKey!, response(JSON.stringify({ key })), 60)
    }
    const tracked = await store.lookupTracked('GET /api/anime/7?together')
    await store.saveTracked('GET /api/anime/7?together', ['anime#7'], tracked.snapshot!, response('{"tracked":7}'), 60)
    const answers = async () => {
      const results = await Promise.all([
        ...keys.map((key) => store.lookup('anime-together', key)),
        store.lookupTracked('GET /api/anime/7?together'),
        store.lookupTracked('GET /api/anime/8?together'),
      ])
      return results.map((result) => result.hit?.body.toString() ?? null)
    }
    const expected = [...keys.map((key, i) => (i % 2 === 0 ? JSON.stringify({ key }) : null)), '{"tracked":7}', null]
    expect(await answers()).toEqual(expected)
    // Started from a timer, from an immediate (the socket is uncorked in a later turn) and from an
    // I/O callback: all answered, none left waiting for a write that never leaves.
    expect(await new Promise((resolve) => setTimeout(() => resolve(answers()), 1))).toEqual(expected)
    expect(await new Promise((resolve) => setImmediate(() => resolve(answers())))).toEqual(expected)
    expect(await store.lookup('anime-together', keys[0]!).then(() => answers())).toEqual(expected)
  })
})
