import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'

import { createResponseCache } from '@/platform/cache/responseCache'
import { createMemoryStore } from '@/platform/cache/responseCache/memoryStore'
import { addReadDependencies } from '@/platform/cache/responseCache/readDependencies'
import type { ResponseStore } from '@/platform/cache/responseCache/responseStore'
import { redisResponseStores } from '../../../helpers/responseStores'

/**
 * Document reads through the response cache with their dependencies recorded, on both stores (the
 * real Redis, and memory): the handler stands in for Payload, recording what its hooks would and
 * pausing where a slow read would, so that a change can commit and bump between the read and the
 * save. Such a response is sent but never kept: the next reader gets the new rows.
 */

const servers: Server[] = []

type Row = { title: string; genre: string }

/** A stand-in for Payload: anime 1 populates genre 7; `pause` holds a read after it has read the rows. */
const fakePayload = (rows: Map<number, Row>) => {
  const state: { pause?: Promise<void>; records: boolean } = { records: true }
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const id = Number(/\/api\/anime\/(\d+)/.exec(req.url ?? '')?.[1])
    const row = { ...rows.get(id)! }
    if (state.records) addReadDependencies(`anime#${id}`, 'genres#7')
    await state.pause
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ id, ...row }))
  }
  return { state, handle }
}

const serve = async (store: ResponseStore, rows: Map<number, Row>) => {
  const payload = fakePayload(rows)
  const cache = createResponseCache({
    store,
    cachedCollections: ['anime', 'genres'],
    ttlSeconds: 60,
    http: { maxAgeSeconds: 0, staleWhileRevalidateSeconds: 0 },
  })
  const server = createServer((req, res) => void cache(req, res, payload.handle))
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`)
    return { cache: response.headers.get('x-cache'), body: (await response.json()) as Row }
  }
  return { get, state: payload.state }
}

const redis = redisResponseStores()

afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  await redis.cleanUp()
})

describe.each([
  ['Redis', redis.newStore],
  ['memory', async () => createMemoryStore()],
])('tracked document reads (%s store)', (_name, newStore) => {
  it('a document read stays cached through changes to other documents, and is fresh after a change to what it shows', async () => {
    const store = await newStore()
    const rows = new Map([
      [1, { title: 'One', genre: 'Drama' }],
      [2, { title: 'Two', genre: 'Drama' }],
    ])
    const { get } = await serve(store, rows)
    expect((await get('/api/anime/1?depth=1')).cache).toBe('MISS')
    expect((await get('/api/anime/1?depth=1')).cache).toBe('HIT')

    rows.set(2, { title: 'Two, revised', genre: 'Drama' })
    await store.invalidate(['anime#2', 'anime', 'genres@deps'])
    expect((await get('/api/anime/1?depth=1')).cache).toBe('HIT')

    rows.set(1, { title: 'One', genre: 'Melodrama' })
    await store.invalidate(['genres#7', 'anime', 'genres'])
    const fresh = await get('/api/anime/1?depth=1')
    expect(fresh).toMatchObject({ cache: 'MISS', body: { genre: 'Melodrama' } })
    expect((await get('/api/anime/1?depth=1')).cache).toBe('HIT')
  })

  it('a change that commits and bumps between a read and its save never leaves the old rows cached', async () => {
    const store = await newStore()
    const rows = new Map([[3, { title: 'Three', genre: 'Drama' }]])
    const { get, state } = await serve(store, rows)
    let release!: () => void
    state.pause = new Promise((resolve) => (release = resolve))
    const slow = get('/api/anime/3?depth=1')
    // The slow reader has read 'Three' (its handler is past the read, paused): the change lands.
    await new Promise((resolve) => setTimeout(resolve, 100))
    rows.set(3, { title: 'Three, revised', genre: 'Drama' })
    await store.invalidate(['anime#3', 'anime'])
    release()
    state.pause = undefined
    expect((await slow).body.title).toBe('Three')
    const next = await get('/api/anime/3?depth=1')
    expect(next).toMatchObject({ cache: 'MISS', body: { title: 'Three, revised' } })
    expect(await get('/api/anime/3?depth=1')).toMatchObject({ cache: 'HIT', body: { title: 'Three, revised' } })
  })

  it('a response whose reads were not recorded (the document itself not among them) is not kept', async () => {
    const store = await newStore()
    const { get, state } = await serve(store, new Map([[4, { title: 'Four', genre: 'Drama' }]]))
    state.records = false
    expect((await get('/api/anime/4?depth=0')).cache).toBe('MISS')
    expect((await get('/api/anime/4?depth=0')).cache).toBe('MISS')
    state.records = true
    await get('/api/anime/4?depth=0')
    expect((await get('/api/anime/4?depth=0')).cache).toBe('HIT')
  })
})
