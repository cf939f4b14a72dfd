import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAccountWithRole } from '../../../helpers/accounts'
import { ensureProductionBuild } from '../../../helpers/productionBuild'
import { startTcpProxy, type TcpProxy } from '../../../helpers/tcpProxy'
import { REDIS_PORT } from '../../../helpers/redis'
import { startServer, TEST_SECRET, waitFor, type RunningServer } from '../../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'

/**
 * The response cache on two compiled app instances sharing the real Redis (through a TCP proxy the
 * test can cut; the shared Redis service is never stopped): hits, exact invalidation after direct
 * and relationship changes on either instance, no sharing of signed-in responses, and an outage.
 */

let database: TestDatabase
let proxy: TcpProxy
let a: RunningServer
let b: RunningServer
let adminToken: string
let genreId: number
let animeId: number

type Fetched = { status: number; cache: string | null; body: Record<string, unknown> }

const get = async (server: RunningServer, path: string, headers: Record<string, string> = {}): Promise<Fetched> => {
  const response = await fetch(`${server.url}${path}`, { headers })
  return { status: response.status, cache: response.headers.get('x-cache'), body: (await response.json()) as Record<string, unknown> }
}

const write = async (server: RunningServer, method: string, path: string, body: unknown) => {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(body),
  })
  expect(response.status, await response.clone().text()).toBeLessThan(300)
  return (await response.json()) as { doc: { id: number } }
}

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('response-cache')
  proxy = await startTcpProxy(REDIS_PORT)
  const env = { SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url, REDIS_URL: `redis://127.0.0.1:${proxy.port}` }
  ;[a, b] = await Promise.all([startServer(env, { compiled: true }), startServer(env, { compiled: true })])
  // Sign-up never grants a role; an operator makes the first admin.
  adminToken = (
    await createAccountWithRole({
      serverUrl: a.url,
      databaseUrl: database.url,
      email: 'cache-admin@example.com',
      password: 'cache-admin-password',
      role: 'admin',
    })
  ).accessToken
  genreId = (await write(a, 'POST', '/api/genres', { name: 'Mecha' })).doc.id
  animeId = (await write(a, 'POST', '/api/anime', { title: 'Kagami no Tsubasa', genres: [genreId], _status: 'published' })).doc.id
})

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
  await proxy?.close()
  await database?.drop()
})

describe('response cache', () => {
  it('misses once, then serves hits on every instance', async () => {
    const path = `/api/anime/${animeId}?depth=1`
    const first = await get(a, path)
    expect(first).toMatchObject({ status: 200, cache: 'MISS' })
    const again = await get(a, path)
    expect(again).toMatchObject({ status: 200, cache: 'HIT' })
    expect(again.body).toEqual(first.body)
    expect(await get(b, path)).toMatchObject({ status: 200, cache: 'HIT' })

    const search = '/api/anime/search?q=tsubasa&limit=5'
    expect((await get(b, search)).cache).toBe('MISS')
    const hit = await get(a, search)
    expect(hit.cache).toBe('HIT')
    expect((hit.body.docs as { id: number }[]).map((doc) => doc.id)).toEqual([animeId])
  })

  it('keys on the query: another page or locale is a different entry', async () => {
    expect((await get(a, '/api/anime?limit=5&page=1')).cache).toBe('MISS')
    expect((await get(a, '/api/anime?page=1&limit=5')).cache).toBe('HIT')
    expect((await get(a, '/api/anime?limit=5&page=2')).cache).toBe('MISS')
  })

  it('caches a global and shows its change at once', async () => {
    const path = '/api/globals/app-settings'
    expect((await get(a, path)).cache).toBe('MISS')
    expect((await get(b, path)).cache).toBe('HIT')
    await write(b, 'POST', path, { siteTitle: 'FrankenJet, cached' })
    for (const server of [a, b]) expect((await get(server, path)).body.siteTitle).toBe('FrankenJet, cached')
  })

  it('never shares a signed-in response', async () => {
    const path = `/api/anime/${animeId}?depth=1`
    const signedIn = await get(a, path, { Authorization: `Bearer ${adminToken}` })
    expect(signedIn.status).toBe(200)
    expect(signedIn.cache).toBeNull()
    expect((await get(a, '/api/anime?limit=5&page=1', { Cookie: `payload-token=${adminToken}` })).cache).toBeNull()
  })

  it('shows a change on both instances at once after the write returns, directly and through a relationship', async () => {
    const path = `/api/anime/${animeId}?depth=1`
    await get(a, path)
    expect((await get(b, path)).cache).toBe('HIT')

    await write(b, 'PATCH', `/api/anime/${animeId}`, { title: 'Kagami no Tsubasa II' })
    for (const server of [a, b]) expect((await get(server, path)).body.title).toBe('Kagami no Tsubasa II')
    expect((await get(a, '/api/anime/search?q=tsubasa&limit=5')).cache).toBe('MISS')

    // A renamed genre changes the anime pages that populate it.
    expect((await get(b, path)).cache).toBe('HIT')
    await write(a, 'PATCH', `/api/genres/${genreId}`, { name: 'Real Robot' })
    for (const server of [b, a]) {
      const { body } = await get(server, path)
      expect((body.genres as { name: string }[]).map((genre) => genre.name)).toEqual(['Real Robot'])
    }

    // Unpublishing removes it from the public reads at once.
    await write(a, 'PATCH', `/api/anime/${animeId}`, { _status: 'draft' })
    expect((await get(b, path)).status).toBe(404)
    await write(a, 'PATCH', `/api/anime/${animeId}`, { _status: 'published' })
    expect((await get(b, path)).status).toBe(200)
  })

  it('serves uncached while Redis is unreachable, keeps invalidations and caches again when it returns', async () => {
    const path = `/api/anime/${animeId}?depth=1`
    await get(a, path)
    expect((await get(b, path)).cache).toBe('HIT')

    proxy.cut()
    for (const server of [a, b]) {
      for (let i = 0; i < 5; i++) {
        const read = await get(server, path)
        expect(read.status).toBe(200)
        expect(read.cache).not.toBe('HIT')
      }
    }
    // A change made while Redis is away must not let old entries come back with it.
    await write(a, 'PATCH', `/api/anime/${animeId}`, { title: 'Kagami no Tsubasa III' })
    expect((await get(b, path)).body.title).toBe('Kagami no Tsubasa III')
    proxy.restore()

    // The writer's invalidation lands as soon as it reconnects; then both instances cache again.
    const writerCaching = await waitFor(async () => (await get(a, path)).cache === 'HIT', 20_000, 300)
    expect(writerCaching).toBe(true)
    expect((await get(a, path)).body.title).toBe('Kagami no Tsubasa III')
    const other = await waitFor(async () => (await get(b, path)).cache === 'HIT', 20_000, 300)
    expect(other).toBe(true)
    expect((await get(b, path)).body.title).toBe('Kagami no Tsubasa III')
  })
})
