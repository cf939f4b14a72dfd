/**
 * `npm run bench:lean-reads`: issue 13 §3 alone (bench:catalog runs it too, after its other
 * parts): loads BENCH_ANIME synthetic anime (100,000) into a fresh database, then measures the
 * uncached staff list page on the lean read path against today's (bench/lib/leanReads.ts) and
 * drops the database. Settings as bench:catalog: BENCH_ANIME, BENCH_SECONDS (12),
 * BENCH_CONCURRENCY (10), BENCH_ROUNDS (4).
 */
import pg from 'pg'

import { TEST_SECRET } from '../tests/helpers/testSecret'
import { buildWithRetries, createBenchDatabase, loadAverage, machine, print, type BenchDatabase } from './lib/harness'
import { measureLeanReads, reportLeanReads } from './lib/leanReads'
import { seedCatalog } from './lib/seed'

const ROWS = Number(process.env.BENCH_ANIME ?? 100_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 12)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4)

const main = async () => {
  print('== bench:lean-reads (issue 13 §3) ==')
  machine().forEach((line) => print(line))
  await buildWithRetries()
  let database: BenchDatabase | undefined
  try {
    database = await createBenchDatabase('lean')
    const client = new pg.Client({ connectionString: database.url })
    client.on('error', (error) => print(`database connection error: ${error.message}`))
    await client.connect()
    const seeded = await seedCatalog(client, ROWS)
    await client.end()
    print(`loaded ${seeded.rows.length} anime in ${(seeded.ms / 1000).toFixed(1)} s; load average ${loadAverage()}`)
    const result = await measureLeanReads({
      databaseUrl: database.url,
      env: { SECRET_KEY: TEST_SECRET },
      concurrency: CONCURRENCY,
      seconds: SECONDS,
      rounds: ROUNDS,
      warmupMs: 3_000,
    })
    if (reportLeanReads(result, CONCURRENCY) === false) process.exitCode = 1
    print(`load average at the end: ${loadAverage()}`)
  } finally {
    await database?.drop()
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
