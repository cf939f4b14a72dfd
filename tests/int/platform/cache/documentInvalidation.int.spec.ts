import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAccountWithRole } from '../../../helpers/accounts'
import { ensureProductionBuild } from '../../../helpers/productionBuild'
import { REDIS_PORT } from '../../../helpers/redis'
import { startServer, TEST_SECRET, type RunningServer } from '../../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'

/**
 * Per-document invalidation on two compiled instances sharing the real Redis: a change to one anime
 * leaves other anime's depth-0 document reads cached, while its own reads, the lists and every read
 * that can show it (depth >= 1, a genre's join) are fresh at once.
 */

let database: TestDatabase
let a: RunningServer
let b: RunningServer
let adminToken: string
let genreId: number
let animeA: number
let animeB: number

type Fetched = { status: number; cache: string | null; body: Record<string, unknown> }

const get = async (server: RunningServer, path: string): Promise<Fetched> => {
  const response = await fetch(`${server.url}${path}`)
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

/** Reads `path` on both instances until it is cached (a MISS, then a HIT). */
const warm = async (path: string) => {
  await get(a, path)
  expect((await get(b, path)).cache).toBe('HIT')
}

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('document-invalidation')
  const env = { SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url, REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}` }
  ;[a, b] = await Promise.all([startServer(env, { compiled: true }), startServer(env, { compiled: true })])
  adminToken = (
    await createAccountWithRole({
      serverUrl: a.url,
      databaseUrl: database.url,
      email: 'doc-admin@example.com',
      password: 'doc-admin-password',
      role: 'admin',
    })
  ).accessToken
  genreId = (await write(a, 'POST', '/api/genres', { name: 'Space Opera' })).doc.id
  animeA = (await write(a, 'POST', '/api/anime', { title: 'Alpha Title', genres: [genreId], _status: 'published' })).doc.id
  animeB = (await write(a, 'POST', '/api/anime', { title: 'Beta Title', genres: [genreId], _status: 'published' })).doc.id
})

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
  await database?.drop()
})

describe('per-document invalidation', () => {
  it('a change to anime A keeps anime B’s depth-0 read a hit; A’s reads and the lists are fresh', async () => {
    const detailA = `/api/anime/${animeA}?depth=0`
    const detailB = `/api/anime/${animeB}?depth=0`
    const list = '/api/anime?depth=0&sort=title&limit=10'
    const populatedB = `/api/anime/${animeB}?depth=1`
    const genre = `/api/genres/${genreId}?depth=0`
    for (const path of [detailA, detailB, list, populatedB, genre]) await warm(path)

    await write(b, 'PATCH', `/api/anime/${animeA}`, { title: 'Alpha Title, revised' })

    for (const server of [a, b]) {
      const own = await get(server, detailA)
      expect(own.body.title).toBe('Alpha Title, revised')
      const titles = ((await get(server, list)).body.docs as { title: string }[]).map((doc) => doc.title)
      expect(titles).toEqual(['Alpha Title, revised', 'Beta Title'])
    }
    const other = await get(a, detailB)
    expect(other).toMatchObject({ status: 200, cache: 'HIT' })
    expect(other.body.title).toBe('Beta Title')
    // Depth >= 1 reads may show other anime (rich-text links): they follow the collection.
    expect((await get(a, populatedB)).cache).toBe('MISS')
    // The genre's join lists its anime: its document reads depend on every anime.
    expect((await get(a, genre)).cache).toBe('MISS')
  })

  it('a change to a genre refreshes the anime reads that populate it, and no depth-0 anime read', async () => {
    const populatedA = `/api/anime/${animeA}?depth=1`
    const detailA = `/api/anime/${animeA}?depth=0`
    await warm(populatedA)
    await warm(detailA)

    await write(a, 'PATCH', `/api/genres/${genreId}`, { name: 'Space Western' })

    for (const server of [b, a]) {
      const populated = await get(server, populatedA)
      expect((populated.body.genres as { name: string }[]).map((genre) => genre.name)).toEqual(['Space Western'])
    }
    const plain = await get(b, detailA)
    expect(plain).toMatchObject({ cache: 'HIT' })
    expect(plain.body.genres).toEqual([genreId])
  })

  it('unpublishing or deleting a document takes its depth-0 read away at once, with a leading zero too', async () => {
    const detail = `/api/anime/${animeB}?depth=0`
    await warm(detail)
    await warm(`/api/anime/0${animeB}?depth=0`)
    await write(a, 'PATCH', `/api/anime/${animeB}`, { _status: 'draft' })
    for (const server of [a, b]) {
      expect((await get(server, detail)).status).toBe(404)
      expect((await get(server, `/api/anime/0${animeB}?depth=0`)).status).not.toBe(200)
    }
    await write(a, 'PATCH', `/api/anime/${animeB}`, { _status: 'published' })
    expect((await get(b, detail)).status).toBe(200)
    await warm(detail)
    await write(a, 'DELETE', `/api/anime/${animeB}`, undefined)
    for (const server of [a, b]) expect((await get(server, detail)).status).toBe(404)
  })
})
