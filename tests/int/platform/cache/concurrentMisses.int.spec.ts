import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'

import { createResponseCache } from '@/platform/cache/responseCache'
import { createMemoryStore } from '@/platform/cache/responseCache/memoryStore'
import { addReadDependencies } from '@/platform/cache/responseCache/readDependencies'
import type { ResponseStore } from '@/platform/cache/responseCache/responseStore'
import { redisResponseStores } from '../../../helpers/responseStores'

/**
 * Concurrent misses of one request (a hot entry that expired, a cold start under load) on both
 * stores: the response is computed once and the others wait for it, then answer from the cache;
 * never does a request that starts after a change get the response computed before it.
 */

const servers: Server[] = []

/** A stand-in for Payload that counts what it computes and holds each computation until `release`. */
const fakePayload = () => {
  const state = { computed: 0, version: 1, status: 200, gate: Promise.resolve() }
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    state.computed += 1
    const version = state.version
    const id = /\/api\/anime\/(\d+)/.exec(req.url ?? '')?.[1]
    if (id) addReadDependencies(`anime#${id}`)
    await state.gate
    res.statusCode = state.status
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ version }))
  }
  return { state, handle }
}

const serve = async (store: ResponseStore) => {
  const payload = fakePayload()
  const cache = createResponseCache({
    store,
    cachedCollections: ['anime'],
    ttlSeconds: 60,
    http: { maxAgeSeconds: 0, staleWhileRevalidateSeconds: 0 },
  })
  const server = createServer((req, res) => void cache(req, res, payload.handle))
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`)
    return { status: response.status, cache: response.headers.get('x-cache'), body: (await response.json()) as { version: number } }
  }
  /** Holds every computation that starts from now until the returned function is called. */
  const hold = () => {
    let release!: () => void
    payload.state.gate = new Promise<void>((resolve) => {
      release = resolve
    })
    return () => {
      payload.state.gate = Promise.resolve()
      release()
    }
  }
  return { get, state: payload.state, hold }
}

const redis = redisResponseStores()

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10))
  expect(condition()).toBe(true)
}

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  await redis.cleanUp()
})

describe.each([
  ['Redis', redis.newStore],
  ['memory', async () => createMemoryStore()],
])('concurrent misses (%s store)', (name, newStore) => {
  const list = `/api/anime?limit=20&sort=-score&store=${name}`
  const detail = `/api/anime/1?depth=1&store=${name}`

  it.each([
    ['a list page', list],
    ['a document', detail],
  ])('%s: ten readers who miss together cost one computation; the others answer from the cache', async (_kind, path) => {
    const { get, state, hold } = await serve(await newStore())
    const release = hold()
    const readers = Array.from({ length: 10 }, () => get(path))
    try {
      await until(() => state.computed >= 1)
      // Give the other nine time to miss and wait (they would have computed by now).
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(state.computed).toBe(1)
    } finally {
      release()
    }
    const answers = await Promise.all(readers)
    expect(state.computed).toBe(1)
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200))
    expect(answers.map((answer) => answer.body.version)).toEqual(Array(10).fill(1))
    expect(answers.map((answer) => answer.cache).sort()).toEqual(['HIT', 'HIT', 'HIT', 'HIT', 'HIT', 'HIT', 'HIT', 'HIT', 'HIT', 'MISS'])
  })

  it.each([
    ['a list page', list, 'anime'],
    ['a document', detail, 'anime#1'],
  ])('%s: a reader who starts after a change does not get the response computed before it', async (_kind, path, generation) => {
    const store = await newStore()
    const { get, state, hold } = await serve(store)
    const release = hold()
    const before = get(`${path}&change`)
    let after
    try {
      await until(() => state.computed === 1)
      // The change commits and bumps while the first read (of version 1) is still being computed.
      state.version = 2
      await store.invalidate([generation])
      after = get(`${path}&change`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    } finally {
      release()
    }
    expect((await before).body.version).toBe(1)
    expect((await after).body.version).toBe(2)
    expect((await get(`${path}&change`)).body.version).toBe(2)
  })

  it('a response that is not kept (an error) lets each waiting reader compute its own', async () => {
    const { get, state, hold } = await serve(await newStore())
    state.status = 500
    const release = hold()
    const readers = Array.from({ length: 3 }, () => get(`${list}&error`))
    try {
      await until(() => state.computed >= 1)
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(state.computed).toBe(1)
    } finally {
      release()
    }
    const answers = await Promise.all(readers)
    expect(answers.map((answer) => answer.status)).toEqual([500, 500, 500])
    expect(state.computed).toBe(3)
  })
})
