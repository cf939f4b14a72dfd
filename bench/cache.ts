/**
 * `npm run bench:cache`: the response cache against the work it saves and against the ceiling,
 * in one run on the same machine. On a fresh database with BENCH_ANIME (10,000) synthetic anime it
 * starts three servers and measures `GET /api/anime/:id?depth=1` (an anime page with its genres) at
 * BENCH_CONCURRENCY (10) clients, in BENCH_ROUNDS (4) interleaved rounds sharing BENCH_SECONDS (12):
 *   - cached: the compiled server with the response cache in Redis (every request a hit);
 *   - uncached: the same server with CACHE_ENABLED=false (Next + Payload for every request);
 *   - ceiling: a bare node:http + node-postgres handler running the equivalent SQL.
 * Then the same for `GET /api/articles/:id?depth=1` (a published article with its category and a
 * related aircraft, created through the REST API as an admin).
 * Target: cache hits at least 80% of the ceiling's requests/s. Loopback only; every load loop is
 * bounded in time.
 */
import os from 'node:os'
import pg from 'pg'

import { plainTextToLexical } from '../src/platform/seed'
import { createAccountWithRole } from '../tests/helpers/accounts'
import { startServer, type RunningServer } from '../tests/helpers/serverProcess'
import { TEST_SECRET } from '../tests/helpers/testSecret'
import { fetchJson, type LoadResult } from './lib/load'
import {
  buildWithRetries,
  createBenchDatabase,
  machine,
  measureInterleaved,
  ms,
  print,
  startChild,
  type BenchDatabase,
  type Child,
} from './lib/harness'
import { seedCatalog } from './lib/seed'

const ROWS = Number(process.env.BENCH_ANIME ?? 10_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 12)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)
const WARMUP_MS = 3_000
const HIT_TARGET = 0.8
/** The shared Redis; cache keys carry the bench database's name, so nothing else is touched. */
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'

/**
 * All three must serve the same document (`title`, and `populated` holding a document, not an id),
 * and the cached server must really answer from the cache.
 */
const checkPage = async (label: string, url: string, path: string, title: string, populated: string, expectHit: boolean): Promise<void> => {
  const first = await fetchJson(url, path)
  const doc = first.json as Record<string, unknown>
  const value = doc[populated]
  const relation = Array.isArray(value) ? value[0] : value
  if (first.status !== 200 || doc.title !== title || typeof relation !== 'object' || relation === null) {
    throw new Error(`${label}: unexpected page ${first.status}: ${JSON.stringify(first.json).slice(0, 300)}`)
  }
  const again = await fetch(`${url}${path}`)
  const cache = again.headers.get('x-cache')
  if (expectHit && cache !== 'HIT') throw new Error(`${label}: second read was X-Cache ${cache}, not HIT`)
  if (!expectHit && cache === 'HIT') throw new Error(`${label}: served from a cache it should not have`)
  print(`${label} ${path}: 200, "${title}" with ${populated} populated${expectHit ? ', second read X-Cache: HIT' : ''}`)
}

/**
 * A published article in the default locale with a category, tags, a short body and a related
 * published aircraft, written through the REST API by an admin (the role is given in SQL, as an
 * operator would: sign-up never grants one).
 */
const createArticle = async (url: string, databaseUrl: string): Promise<{ id: number; title: string }> => {
  const { accessToken } = await createAccountWithRole({
    serverUrl: url,
    databaseUrl,
    email: 'bench-admin@example.com',
    password: 'bench-admin-password',
    role: 'admin',
  })
  const create = async (collection: string, data: unknown): Promise<number> => {
    const response = await fetch(`${url}/api/${collection}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(data),
    })
    if (response.status !== 201) throw new Error(`create ${collection}: ${response.status} ${await response.text()}`)
    return ((await response.json()) as { doc: { id: number } }).doc.id
  }
  const title = 'Сверхзвуковой пассажирский: история Ту-144'
  const category = await create('categories', { name: 'Гражданская авиация' })
  const aircraft = await create('aircraft', { name: 'Ту-144', designation: 'Tu-144', role: 'airliner', _status: 'published' })
  const id = await create('articles', {
    title,
    excerpt: 'Первый в мире сверхзвуковой пассажирский самолёт.',
    body: plainTextToLexical('Ту-144 поднялся в воздух 31 декабря 1968 года, за два месяца до «Конкорда».'),
    category,
    tags: ['сверхзвук', 'туполев'],
    related: [{ relationTo: 'aircraft', value: aircraft }],
    _status: 'published',
  })
  return { id, title }
}

const main = async () => {
  print('== bench:cache ==')
  machine().forEach((line) => print(line))
  print(`rows ${ROWS}, ${CONCURRENCY} concurrent clients, ${SECONDS} s per server in ${ROUNDS} interleaved rounds after ${WARMUP_MS / 1000} s warm-up`)
  await buildWithRetries()

  let database: BenchDatabase | undefined
  const servers: (RunningServer | Child)[] = []
  let results: Record<string, { merged: LoadResult; roundRps: number[] }> = {}
  try {
    database = await createBenchDatabase('cache')
    const client = new pg.Client({ connectionString: database.url })
    client.on('error', (error) => print(`database connection error: ${error.message}`))
    await client.connect()
    const seeded = await seedCatalog(client, ROWS)
    await client.end()
    const top = [...seeded.rows].sort((a, b) => b.score - a.score)[0]!
    const path = `/api/anime/${top.id}?depth=1`
    print(`loaded ${seeded.rows.length} anime in ${(seeded.ms / 1000).toFixed(1)} s; page ${path}`)

    const env = { SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url }
    const cached = await startServer({ ...env, REDIS_URL }, { compiled: true })
    servers.push(cached)
    const uncached = await startServer({ ...env, CACHE_ENABLED: 'false' }, { compiled: true })
    servers.push(uncached)
    const bare = await startChild('barePgServer.ts', { DATABASE_URL: database.url })
    servers.push(bare)
    const article = await createArticle(uncached.url, database.url)
    const pages = [
      { key: 'anime', path, title: top.title, populated: 'genres' },
      { key: 'article', path: `/api/articles/${article.id}?depth=1`, title: article.title, populated: 'related' },
    ]
    for (const page of pages) {
      await checkPage('cached', cached.url, page.path, page.title, page.populated, true)
      await checkPage('uncached', uncached.url, page.path, page.title, page.populated, false)
      await checkPage('ceiling', bare.url, page.path, page.title, page.populated, false)
    }
    for (const page of pages) {
      const pathOf = () => page.path
      const measured = await measureInterleaved(
        [
          { key: `${page.key}:cached`, label: `${page.key} page, response cache (Redis)`, url: cached.url, path: pathOf },
          { key: `${page.key}:uncached`, label: `${page.key} page, uncached (Next + Payload)`, url: uncached.url, path: pathOf },
          { key: `${page.key}:bare`, label: `${page.key} page, bare node-postgres`, url: bare.url, path: pathOf },
        ],
        { concurrency: CONCURRENCY, seconds: SECONDS, rounds: ROUNDS, warmupMs: WARMUP_MS },
      )
      results = { ...results, ...measured }
    }
  } finally {
    for (const server of servers) await server.stop()
    await database?.drop()
  }

  const row = (name: string, key: string, note: string) => {
    const result = results[key]?.merged
    const rounds = (results[key]?.roundRps ?? []).map((n) => n.toFixed(0)).join(' / ')
    return `| ${name} | ${result ? result.rps.toFixed(0) : 'n/a'} | ${result ? ms(result.p50) : 'n/a'} | ${result ? ms(result.p99) : 'n/a'} | ${result?.errors ?? 'n/a'} | ${note}; rounds ${rounds} |`
  }
  const rps = (key: string) => results[key]?.merged.rps ?? NaN
  print()
  print('## Results')
  print()
  print(`| GET (${CONCURRENCY} clients) | req/s | p50 ms | p99 ms | errors | note |`)
  print('|---|---|---|---|---|---|')
  for (const page of ['anime', 'article']) {
    const hitRatio = rps(`${page}:cached`) / rps(`${page}:bare`)
    const verdict = `hit/ceiling = ${hitRatio.toFixed(2)} (target >= ${HIT_TARGET}: ${hitRatio >= HIT_TARGET ? 'PASS' : 'FAIL'})`
    print(row(`${page} page, cache hit`, `${page}:cached`, verdict))
    print(row(`${page} page, uncached`, `${page}:uncached`, `hit/uncached = ${(rps(`${page}:cached`) / rps(`${page}:uncached`)).toFixed(1)}x`))
    print(row(`${page} page, bare node-postgres`, `${page}:bare`, 'ceiling'))
  }
  print()
  print(`load average at the end: ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`)
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
