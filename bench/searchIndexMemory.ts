/**
 * The in-process search index alone at 100k titles (issue 13 §2): memory it keeps after GC, time to
 * build, and its per-call CPU for the bench's search and suggest mixes, one client, no HTTP.
 * Run: node --expose-gc --import tsx bench/searchIndexMemory.ts (seeds and drops its own database).
 */
import pg from 'pg'
import { AnimeSearchIndex } from '@/domains/anime/search/memory/searchIndex'
import { parseSearchParams, parseSuggestParams } from '@/domains/anime/search/params'
import { createBenchDatabase, print } from './lib/harness'
import { seedCatalog } from './lib/seed'
import { buildQueryMix, buildSuggestMix } from './lib/queries'
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
const database = await createBenchDatabase('h13gmem')
try {
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  const seeded = await seedCatalog(client, 100_000)
  await client.end()
  const pool = new pg.Pool({ connectionString: database.url, max: 2 })
  gc()
  gc()
  const before = process.memoryUsage()
  const index = new AnimeSearchIndex(pool, database.url, {
    info: (d) => print(`built ${JSON.stringify(d)}`),
    warn: (d, m) => print(`${m} ${JSON.stringify(d)}`),
  })
  const t0 = performance.now()
  await index.start()
  while (!index.ready) await new Promise((r) => setTimeout(r, 100))
  const built = performance.now() - t0
  gc()
  gc()
  const after = process.memoryUsage()
  const mb = (n: number) => (n / 1048576).toFixed(0)
  print(
    `rows ${index.rows}, ready after ${(built / 1000).toFixed(1)} s; retained after GC: heap +${mb(after.heapUsed - before.heapUsed)} MB, array buffers +${mb(after.arrayBuffers - before.arrayBuffers)} MB, rss +${mb(after.rss - before.rss)} MB`,
  )
  const time = async (name: string, qs: string[], run: (q: string) => unknown) => {
    const times: [number, string][] = []
    for (let round = 0; round < 3; round++)
      for (const q of qs) {
        const s = performance.now()
        await run(q)
        times.push([performance.now() - s, q])
      }
    const sorted = times.map((t) => t[0]).sort((a, b) => a - b)
    print(
      `${name}: ${times.length} calls in-process (one client), p50 ${sorted[sorted.length >> 1]!.toFixed(2)} ms, p95 ${sorted[Math.floor(sorted.length * 0.95)]!.toFixed(2)} ms, max ${sorted.at(-1)!.toFixed(2)} ms; slowest ${JSON.stringify(
        times
          .sort((a, b) => b[0] - a[0])
          .slice(0, 4)
          .map(([t, q]) => [Number(t.toFixed(1)), q]),
      )}`,
    )
  }
  await time(
    'search mix',
    buildQueryMix(seeded.rows).map((q) => q.q),
    (q) => index.search(parseSearchParams({ q, limit: '10' })),
  )
  await time('suggest mix', buildSuggestMix(seeded.rows), (q) => {
    const p = parseSuggestParams({ q })
    return p.q ? index.suggest({ ...p, q: p.q }) : null
  })
  await index.stop()
  await pool.end()
} finally {
  await database.drop()
}
