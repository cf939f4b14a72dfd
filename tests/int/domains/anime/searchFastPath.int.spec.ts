import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import pg, { type Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createSearchFastPath, createSearchPool, mediaUrl, poolSearchSource } from '@/domains/anime/search/fastPath'
import { AnimeSearchIndex, LISTENER_NAME, registerAnimeSearchIndex } from '@/domains/anime/search/memory/searchIndex'
import { isDatabaseUnavailableError } from '@/platform/database/connectionErrors'
import { type Handler, pipeline } from '@/platform/http/pipeline'
import { writeServiceUnavailable } from '@/platform/http/serviceUnavailable'
import { freePort } from '../../../helpers/freePort'
import { gradientImage } from '../../../helpers/images'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

/**
 * The server's fast path for GET /api/anime/search and /suggest (search/fastPath.ts), in front of
 * a stand-in for Next that says when a request reached it, checked against Payload's own endpoint
 * (the slow path) on the same database: same statuses, same bodies, for every kind of query.
 */
const ORIGIN = 'https://app.example.com'
let ctx: PayloadInt
let searchPool: Pool
let server: Server
let baseUrl: string
let searchIndex: AnimeSearchIndex
let writer: Pool
let indexServer: Server
let indexUrl: string
let fellThrough: string[] = []
const failures: unknown[] = []
let posterId: number
const ids: Record<string, number> = {}

const SEEDS = [
  {
    title: 'Shingeki no Kyojin',
    titleEnglish: 'Attack on Titan',
    titleJapanese: '進撃の巨人',
    titleRussian: 'Атака титанов',
    kind: 'tv',
    year: 2013,
    score: 8.5,
  },
  { title: 'Shingeki no Kyojin Season 2', titleEnglish: 'Attack on Titan Season 2', kind: 'tv', year: 2017, score: 8.4 },
  { title: 'Terra e...', titleEnglish: 'Toward the Terra', kind: 'tv', year: 2007, score: 7.3 },
  { title: 'Sen to Chihiro no Kamikakushi', titleEnglish: 'Spirited Away', kind: 'movie', year: 2001, score: 8.8 },
  { title: 'Kimetsu no Yaiba', titleEnglish: 'Demon Slayer', kind: 'tv', year: 2019, score: 8.4 },
  { title: 'Mushishi', kind: 'tv', year: 2005, score: 8.7 },
] as const

const listen = (handler: Handler): Promise<Server> =>
  new Promise((resolve) => {
    const created = createServer((req, res) => void handler(req, res))
    created.listen(0, '127.0.0.1', () => resolve(created))
  })

/** A pipeline of the fast path in front of a handler that records what reached "Next". */
const fastPathServer = (pool: Pool, onDatabaseFailure: (error: unknown) => void = () => {}, index?: AnimeSearchIndex) =>
  listen(
    pipeline(
      [
        createSearchFastPath({
          source: poolSearchSource(pool, ctx.config.serverURL),
          index,
          allowedOrigins: [ORIGIN],
          isDatabaseUnavailable: isDatabaseUnavailableError,
          onDatabaseFailure,
          writeUnavailable: writeServiceUnavailable,
          logger: { error: (details) => failures.push(details) },
        }),
      ],
      (req, res) => {
        fellThrough.push(`${req.method} ${req.url}`)
        res.writeHead(299, { 'Content-Type': 'text/plain' })
        res.end('next')
      },
    ),
  )

const fast = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${baseUrl}${path}`, init)
  return {
    status: response.status,
    headers: response.headers,
    body: response.status === 299 ? await response.text() : await response.json(),
  }
}

const slow = async (path: string, init?: RequestInit & { token?: string }) => {
  const response = await ctx.rest.get(path.replace(/^\/api/, ''), init)
  return { status: response.status, headers: response.headers, body: await response.json() }
}

beforeAll(async () => {
  ctx = await initPayloadInt('anime-search-fast-path')
  const image = await gradientImage(300, 450, 'png')
  posterId = (
    await ctx.payload.create({
      collection: 'media',
      data: { alt: 'poster' },
      file: { data: image, mimetype: 'image/png', name: 'fast-path-poster.png', size: image.length },
    })
  ).id
  for (const seed of SEEDS) {
    const anime = await ctx.payload.create({
      collection: 'anime',
      data: { ...seed, poster: seed.title === 'Shingeki no Kyojin' ? posterId : undefined, _status: 'published' },
    })
    ids[seed.title] = anime.id
  }
  ids.draft = (await ctx.payload.create({ collection: 'anime', data: { title: 'Zankyou no Terror', kind: 'tv' }, draft: true })).id
  searchPool = createSearchPool(ctx.database.url)
  server = await fastPathServer(searchPool)
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  writer = new pg.Pool({ connectionString: ctx.database.url, max: 2 })
  searchIndex = new AnimeSearchIndex(searchPool, ctx.database.url, quietLogger)
  await searchIndex.start()
  await until(() => searchIndex.ready)
  indexServer = await fastPathServer(searchPool, () => {}, searchIndex)
  indexUrl = `http://127.0.0.1:${(indexServer.address() as AddressInfo).port}`
})

const quietLogger = { info: () => {}, warn: () => {} }

/** Waits for `condition` (polled), failing after `ms`. */
const until = async (condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> => {
  const deadline = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

afterAll(async () => {
  server?.close()
  indexServer?.close()
  await searchIndex?.stop()
  await writer?.end()
  await searchPool?.end()
  try {
    if (posterId) await ctx?.payload.delete({ collection: 'media', id: posterId })
  } finally {
    await ctx?.cleanup()
  }
})

describe('search fast path', () => {
  const SAME_AS_PAYLOAD = [
    '/api/anime/search',
    '/api/anime/search?q=shingeki',
    '/api/anime/search?q=attack%20on%20titan',
    '/api/anime/search?q=titan%20attack&limit=1&page=2',
    '/api/anime/search?q=%E9%80%B2%E6%92%83',
    '/api/anime/search?q=%D0%B0%D1%82%D0%B0%D0%BA%D0%B0',
    '/api/anime/search?q=kimetsu+no+yaeba',
    '/api/anime/search?q=trera%20e',
    '/api/anime/suggest?q=trera',
    '/api/anime/search?q=spirted%20away&sort=score',
    '/api/anime/search?kind=movie&year=2001',
    '/api/anime/search?sort=newest&limit=500',
    '/api/anime/search?q=zankyou',
    '/api/anime/search?q=!!!',
    '/api/anime/search?q=shingeki&depth=2&cacheBuster=1',
    '/api/anime/suggest?q=shin',
    '/api/anime/suggest?q=kimetsu%20no%20ya&limit=2',
    '/api/anime/suggest?q=',
    '/api/anime/suggest?q=zankyou',
  ]

  it('answers what Payload’s endpoint answers, without reaching Next', async () => {
    for (const path of SAME_AS_PAYLOAD) {
      const [mine, payloads] = await Promise.all([fast(path), slow(path)])
      expect(payloads.status, path).toBe(200)
      expect(mine.status, path).toBe(200)
      expect(mine.body, path).toEqual(payloads.body)
      expect(mine.headers.get('content-type'), path).toMatch(/^application\/json/)
    }
    expect(fellThrough).toEqual([])
    expect(failures).toEqual([])
  })

  it('answers from the in-process index what Payload’s endpoint answers (SQL) for the same URLs', async () => {
    const fromIndex: string[] = []
    for (const path of SAME_AS_PAYLOAD) {
      const response = await fetch(`${indexUrl}${path}`)
      const payloads = await slow(path)
      expect(response.status, path).toBe(200)
      expect(await response.json(), path).toEqual(payloads.body)
      if (response.headers.get('x-search-source') === 'index') fromIndex.push(path)
    }
    // Relevance searches and suggestions come from memory; browsing and other sorts from the SQL.
    expect(fromIndex).toEqual(SAME_AS_PAYLOAD.filter((path) => /[?&]q=[^&]/.test(path) && !path.includes('sort=')))
    expect(failures).toEqual([])
  })

  it('answers typos from the index as from the SQL, ranked alike', async () => {
    const queries = [
      'Trera e',
      'shingeik no kyojin',
      'kimetsu no yaiiba',
      'spiritd away',
      'attack on titna',
      'titan',
      'atak',
      'sen chihiro',
      'x',
    ]
    for (const q of queries) {
      for (const route of ['search', 'suggest']) {
        const path = `/api/anime/${route}?q=${encodeURIComponent(q)}`
        const response = await fetch(`${indexUrl}${path}`)
        expect(response.headers.get('x-search-source'), path).toBe('index')
        expect(await response.json(), path).toEqual((await fast(path)).body)
      }
    }
  })

  it('keeps two indexes on one database exact: own writes at once, others’ within moments', async () => {
    const other = new AnimeSearchIndex(searchPool, ctx.database.url, quietLogger)
    await other.start()
    await until(() => other.ready)
    const titlesOf = async (index: AnimeSearchIndex, q: string) =>
      (index.suggest({ q, words: q.split(' '), limit: 10 }) ?? []).map((doc) => doc.title)
    registerAnimeSearchIndex(searchIndex)
    try {
      // A write through Payload on "this" instance: visible to the next search here, at once.
      await ctx.payload.update({ collection: 'anime', id: ids['Mushishi']!, data: { title: 'Mushishi Zoku Shou' } })
      expect(await titlesOf(searchIndex, 'zoku')).toEqual(['Mushishi Zoku Shou'])
      await until(async () => (await titlesOf(other, 'zoku')).length === 1, 5_000)
      // A write in SQL (an import, another instance): every index hears it through NOTIFY.
      await writer.query(`UPDATE anime SET title = 'Mushishi', search_titles = 'mushishi' WHERE id = $1`, [ids['Mushishi']])
      for (const index of [searchIndex, other]) {
        await until(async () => (await titlesOf(index, 'zoku')).length === 0 && (await titlesOf(index, 'mushishi')).length === 1, 5_000)
      }
      // Unpublishing (a draft) and publishing again.
      await writer.query(`UPDATE anime SET _status = 'draft' WHERE id = $1`, [ids['Mushishi']])
      await until(async () => (await titlesOf(other, 'mushishi')).length === 0, 5_000)
      await writer.query(`UPDATE anime SET _status = 'published' WHERE id = $1`, [ids['Mushishi']])
      await until(async () => (await titlesOf(other, 'mushishi')).length === 1, 5_000)
      // A drafted edit through Payload never reaches the index (the published row stays).
      await ctx.payload.update({ collection: 'anime', id: ids['Mushishi']!, data: { title: 'Mushishi Draft Only' }, draft: true })
      expect(await titlesOf(searchIndex, 'draft')).toEqual([])
      expect(await titlesOf(searchIndex, 'mushishi')).toEqual(['Mushishi'])
    } finally {
      registerAnimeSearchIndex(undefined)
      await other.stop()
    }
  })

  it('answers from the SQL while its notifications are lost, and from memory again once reloaded', async () => {
    const index = new AnimeSearchIndex(searchPool, ctx.database.url, quietLogger)
    await index.start()
    try {
      await until(() => index.ready)
      await writer.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
        [LISTENER_NAME],
      )
      await until(() => !index.ready, 5_000)
      expect(index.suggest({ q: 'shin', words: ['shin'], limit: 10 })).toBeNull()
      await until(() => index.ready, 10_000)
      expect(index.suggest({ q: 'shin', words: ['shin'], limit: 10 })?.length).toBeGreaterThan(0)
    } finally {
      await index.stop()
    }
  })

  it('answers from the SQL, with a warning naming the heap, when the index would not fit in it', async () => {
    const warnings: { details: object; message: string }[] = []
    const logger = { info: () => {}, warn: (details: object, message: string) => warnings.push({ details, message }) }
    // A heap with 1 MB left: the published titles' index (4.5 KB each) still fits; with 10 KB left it does not.
    const roomy = new AnimeSearchIndex(searchPool, ctx.database.url, logger, () => ({ limitBytes: 300e6, usedBytes: 299e6 }))
    const cramped = new AnimeSearchIndex(searchPool, ctx.database.url, logger, () => ({ limitBytes: 300e6, usedBytes: 300e6 - 10e3 }))
    await roomy.start()
    await cramped.start()
    const crampedServer = await fastPathServer(searchPool, () => {}, cramped)
    try {
      await until(() => roomy.ready)
      await until(() => warnings.length > 0)
      expect(warnings).toEqual([
        {
          details: { titles: SEEDS.length, neededMb: 0, heapLeftMb: 0, heapLimitMb: 286 },
          message: expect.stringMatching(/^search index not built: it would not fit in the heap .*max-old-space-size.*answered from SQL$/),
        },
      ])
      expect(cramped.ready).toBe(false)
      expect(cramped.rows).toBe(0)
      const path = '/api/anime/suggest?q=shin'
      const response = await fetch(`http://127.0.0.1:${(crampedServer.address() as AddressInfo).port}${path}`)
      expect(response.headers.get('x-search-source')).toBe('sql')
      expect(await response.json()).toEqual((await slow(path)).body)
    } finally {
      crampedServer.close()
      await roomy.stop()
      await cramped.stop()
    }
  })

  it('gives the poster’s URLs as Payload does, and never a draft', async () => {
    const { body } = await fast('/api/anime/search?q=shingeki%20no%20kyojin')
    const [first] = (body as { docs: { id: number; poster: { url: string; thumbnail: string } | null }[] }).docs
    expect(first?.id).toBe(ids['Shingeki no Kyojin'])
    expect(first?.poster?.url).toMatch(/^http:\/\/localhost:3000\/api\/media\/file\/fast-path-poster.*\.png$/)
    expect(first?.poster?.thumbnail).toMatch(/\/api\/media\/file\/fast-path-poster.*\.png$/)
    const drafts = await fast('/api/anime/search?q=zankyou%20no%20terror')
    expect((drafts.body as { docs: unknown[] }).docs).toEqual([])
  })

  it('finds a title through swapped, dropped or doubled letters ("Trera e" for "Terra e")', async () => {
    const firstOf = async (q: string) =>
      ((await fast(`/api/anime/search?q=${encodeURIComponent(q)}`)).body as { docs: { title: string }[] }).docs[0]?.title
    expect(await firstOf('Trera e')).toBe('Terra e...')
    expect(await firstOf('shingeik no kyojin')).toBe('Shingeki no Kyojin')
    expect(await firstOf('kimetsu no yaiiba')).toBe('Kimetsu no Yaiba')
    expect(await firstOf('spiritd away')).toBe('Sen to Chihiro no Kamikakushi')
    expect(await firstOf('attack on titna')).toBe('Shingeki no Kyojin')
    const suggested = ((await fast('/api/anime/suggest?q=mushihsi')).body as { docs: { title: string }[] }).docs
    expect(suggested.map((doc) => doc.title)).toEqual(['Mushishi'])
  })

  it.each([
    ['kind', '?kind=bogus'],
    ['year', '?year=1850'],
    ['page', '?page=0'],
    ['limit', '?limit=-1'],
    ['sort', '?sort=weird'],
    ['genre', '?genre=Not%20a%20slug!'],
    ['kind', '?kind=tv&kind=movie'],
  ])('refuses a bad %s with Payload’s 400, naming it (%s)', async (name, query) => {
    const [mine, payloads] = await Promise.all([fast(`/api/anime/search${query}`), slow(`/api/anime/search${query}`)])
    expect(payloads.status).toBe(400)
    expect(mine.status).toBe(400)
    expect(mine.body).toEqual(payloads.body)
    expect(JSON.stringify(mine.body)).toContain(name)
  })

  it('refuses a bad suggest limit alike', async () => {
    const [mine, payloads] = await Promise.all([fast('/api/anime/suggest?q=a&limit=0'), slow('/api/anime/suggest?q=a&limit=0')])
    expect(mine.status).toBe(400)
    expect(mine.body).toEqual(payloads.body)
  })

  it('sets CORS headers as Payload does: credentials only for an allowed origin', async () => {
    const allowed = await fast('/api/anime/suggest?q=shin', { headers: { origin: ORIGIN } })
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true')
    const other = await fast('/api/anime/suggest?q=shin', { headers: { origin: 'https://evil.example' } })
    expect(other.status).toBe(200)
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    expect(other.headers.get('access-control-allow-methods')).toContain('GET')
  })

  it('leaves other methods, paths and routes to Next', async () => {
    fellThrough = []
    expect((await fast('/api/anime/search', { method: 'POST', body: '{}' })).status).toBe(299)
    expect((await fast('/api/anime/search/')).status).toBe(299)
    expect((await fast('/api/anime/searchx?q=a')).status).toBe(299)
    expect((await fast(`/api/anime/${ids['Mushishi']}`)).status).toBe(299)
    expect((await fast('/api/anime/suggest/more')).status).toBe(299)
    expect(fellThrough).toEqual([
      'POST /api/anime/search',
      'GET /api/anime/search/',
      'GET /api/anime/searchx?q=a',
      `GET /api/anime/${ids['Mushishi']}`,
      'GET /api/anime/suggest/more',
    ])
  })

  it('answers 503 with Retry-After when the database is unreachable, and says so', async () => {
    const unreachable = createSearchPool(`postgresql://postgres@127.0.0.1:${await freePort()}/nothing`, { connectionTimeoutMillis: 2_000 })
    const reported: unknown[] = []
    const down = await fastPathServer(unreachable, (error) => reported.push(error))
    try {
      const response = await fetch(`http://127.0.0.1:${(down.address() as AddressInfo).port}/api/anime/search?q=shingeki`)
      expect(response.status).toBe(503)
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
      expect(reported).toHaveLength(1)
    } finally {
      down.close()
      await unreachable.end()
    }
  })

  it('builds media URLs like Payload: stored external URLs kept, file names under the server’s origin', () => {
    expect(mediaUrl('http://h:1', 'https://cdn.example/x.png', 'x.png')).toBe('https://cdn.example/x.png')
    expect(mediaUrl('http://h:1', '/api/media/file/x.png', 'x y.png')).toBe('http://h:1/api/media/file/x%20y.png')
    expect(mediaUrl('http://h:1', null, null)).toBeNull()
  })
})
