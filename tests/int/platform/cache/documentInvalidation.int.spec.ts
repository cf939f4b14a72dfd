import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAccountWithRole } from '../../../helpers/accounts'
import { ensureProductionBuild } from '../../../helpers/productionBuild'
import { REDIS_PORT } from '../../../helpers/redis'
import { startServer, TEST_SECRET, type RunningServer } from '../../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'

/**
 * Per-document invalidation on two compiled instances sharing the real Redis: a change to one anime
 * leaves other anime's document reads cached at any depth, while its own reads, the lists and every
 * read that shows it (a genre's join, another anime's rich-text link to it) are fresh at once. The
 * dependencies of a document read are recorded by Payload's hooks as it is computed, through Next's
 * route handler (readDependencies): these tests are where that is seen end to end.
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

const text = (value: string) => ({ type: 'text', text: value, version: 1, format: 0, mode: 'normal', style: '', detail: 0 })
const link = (id: number) => ({
  type: 'link',
  version: 3,
  fields: { linkType: 'internal', doc: { relationTo: 'anime', value: id }, newTab: false },
  children: [text(`anime ${id}`)],
  direction: 'ltr',
  format: '',
  indent: 0,
})
/** A synopsis (lexical) linking to anime `ids`. */
const synopsisLinking = (...ids: number[]) => ({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr',
    format: '',
    indent: 0,
    children: [
      { type: 'paragraph', version: 1, children: [text('See '), ...ids.map(link)], direction: 'ltr', format: '', indent: 0, textFormat: 0 },
    ],
  },
})

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
  it('a change to anime A keeps anime B’s reads hits at any depth; A’s reads and the lists are fresh', async () => {
    const detailA = `/api/anime/${animeA}?depth=0`
    const detailB = `/api/anime/${animeB}?depth=0`
    const list = '/api/anime?depth=0&sort=title&limit=10'
    const populatedA = `/api/anime/${animeA}?depth=1`
    const populatedB = `/api/anime/${animeB}?depth=1`
    const genre = `/api/genres/${genreId}?depth=0`
    for (const path of [detailA, detailB, list, populatedA, populatedB, genre]) await warm(path)

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
    // B populates its genre, not A: its depth-1 read stays cached too.
    const populated = await get(b, populatedB)
    expect(populated).toMatchObject({ status: 200, cache: 'HIT' })
    expect(populated.body.title).toBe('Beta Title')
    for (const server of [b, a]) expect((await get(server, populatedA)).body.title).toBe('Alpha Title, revised')
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

  it('a rich-text link from B to A (or to a draft) makes a change to A refresh B’s populated read, and only B’s', async () => {
    const draftId = (await write(a, 'POST', '/api/anime?draft=true', { title: 'Gamma Draft', _status: 'draft' })).doc.id
    await write(a, 'PATCH', `/api/anime/${animeB}`, { synopsis: synopsisLinking(animeA, draftId) })
    const populatedA = `/api/anime/${animeA}?depth=1`
    const populatedB = `/api/anime/${animeB}?depth=1`
    await warm(populatedA)
    await warm(populatedB)
    expect(JSON.stringify((await get(a, populatedB)).body.synopsis)).not.toContain('Gamma')

    await write(b, 'PATCH', `/api/anime/${animeA}`, { title: 'Alpha Title, linked' })
    for (const server of [a, b]) expect(JSON.stringify((await get(server, populatedB)).body.synopsis)).toContain('Alpha Title, linked')
    await warm(populatedB)

    // The draft linked from B is not shown to the public until published: then B shows it at once.
    await write(a, 'PATCH', `/api/anime/${draftId}`, { _status: 'published' })
    for (const server of [b, a]) expect(JSON.stringify((await get(server, populatedB)).body.synopsis)).toContain('Gamma Draft')
    await warm(populatedB)

    // A change to B leaves A's read (which links nothing) cached.
    await warm(populatedA)
    await write(a, 'PATCH', `/api/anime/${animeB}`, { titleEnglish: 'Beta (English)' })
    expect((await get(b, populatedA)).cache).toBe('HIT')
    expect((await get(b, populatedB)).body.titleEnglish).toBe('Beta (English)')
  })

  it('deleting a genre takes it out of the depth-0 reads of the anime that referenced it at once', async () => {
    const doomed = (await write(a, 'POST', '/api/genres', { name: 'Doomed Genre' })).doc.id
    await write(a, 'PATCH', `/api/anime/${animeA}`, { genres: [genreId, doomed] })
    const detailA = `/api/anime/${animeA}?depth=0`
    await warm(detailA)
    expect((await get(b, detailA)).body.genres).toEqual([genreId, doomed])
    await write(b, 'DELETE', `/api/genres/${doomed}`, undefined)
    for (const server of [a, b]) expect((await get(server, detailA)).body.genres).toEqual([genreId])
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
