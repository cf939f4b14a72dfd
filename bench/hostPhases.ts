/**
 * `npm run bench:host-phases`: is the machine fit to judge bench:cache §7 (rounds must not drift)?
 * Two copies of the compiled server as deployed (same build, same database, same Redis: twins) and
 * the limit server of bench:cache (node:http + one Redis GET), loaded in BENCH_ROUNDS (20)
 * interleaved rounds of BENCH_SLICE_SECONDS (3) each at BENCH_CONCURRENCY (10) clients on the
 * anime list page, every answer a cache hit. The twins run the same code on the same data, so
 * whatever makes them slow in the same rounds is not the code's trend but the moment's; the limit
 * server, a tiny process, shows whether the moment slowed every process alike. Prints each round,
 * each series' drift (as §7 computes it), how far the twins' drifts differ (the noise of the drift
 * measure itself on this machine), and how the three series' rounds correlate.
 * A memory canary (bench/lib/memoryCanary.ts: a pointer chase through 256 MB, and a register-only
 * loop, 15 % of a core) runs from the start: first BENCH_CANARY_IDLE_SECONDS (60) alone, before
 * anything of ours runs (how much the machine's memory speed swings by itself, and its drift in
 * slices as §7 computes it), then beside the rounds, each of which is lined up with the canary's
 * samples taken while it ran: a round that follows the memory-bound figure and not the
 * register-bound one was slowed by the machine's memory, which other tenants of the host share.
 * Stops what it started, drops its database and deletes its Redis keys. Loopback only.
 */
import { Redis } from 'ioredis'
import pg from 'pg'

import { TEST_SECRET } from '../tests/helpers/testSecret'
import {
  buildWithRetries,
  correlation,
  createBenchDatabase,
  databaseScopeOf,
  deleteRedisKeys,
  machine,
  measureInterleaved,
  median,
  percent,
  print,
  sleep,
  startChild,
  startCompiledServer,
  trendDrift,
  type BenchDatabase,
  type Child,
} from './lib/harness'
import { request } from './lib/load'
import { stopLoadProcess } from './lib/loadProcess'
import { canaryWithin, startMemoryCanary, type MemoryCanary } from './lib/memoryCanary'
import { seedCatalog } from './lib/seed'

const ROWS = Number(process.env.BENCH_ANIME ?? 10_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20)
const SLICE_SECONDS = Number(process.env.BENCH_SLICE_SECONDS ?? 3)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10)
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379'
const LIST_PATH = '/api/anime?limit=20&depth=1&sort=-score'
const CANARY_IDLE_SECONDS = Number(process.env.BENCH_CANARY_IDLE_SECONDS ?? 60)

/** The canary's medians in consecutive `sliceMs` windows from `start` to `end`. */
const canarySlices = (canary: MemoryCanary, start: number, end: number, sliceMs: number) => {
  const slices: { chase: number; spin: number }[] = []
  for (let at = start; at + sliceMs <= end; at += sliceMs) slices.push(canaryWithin(canary.samples(), at, at + sliceMs))
  return slices.filter((slice) => Number.isFinite(slice.chase))
}

/** `median x, slowest / fastest 0.yy, drift +z %` of one canary figure over slices. */
const describeSwing = (values: number[]) =>
  `median ${median(values).toFixed(0)}, slowest / fastest slice ${(Math.min(...values) / Math.max(...values)).toFixed(2)}, drift ${percent(trendDrift(values))}`

const main = async () => {
  print('== bench:host-phases ==')
  machine().forEach((line) => print(line))
  print(`rows ${ROWS}, ${CONCURRENCY} clients, ${ROUNDS} interleaved rounds of ${SLICE_SECONDS} s per server`)
  await buildWithRetries()
  let database: BenchDatabase | undefined
  const servers: Child[] = []
  let limitPrefix = ''
  const canary = await startMemoryCanary({ megabytes: 256, burstMs: 30, periodMs: 400 })
  try {
    const idleStart = Date.now()
    await sleep(CANARY_IDLE_SECONDS * 1000)
    const idle = canarySlices(canary, idleStart, Date.now(), SLICE_SECONDS * 1000)
    print(
      `memory canary, ${CANARY_IDLE_SECONDS} s before anything of ours runs, in ${SLICE_SECONDS} s slices: ` +
        `pointer chase (memory-bound) steps per CPU ms ${describeSwing(idle.map((slice) => slice.chase))}; ` +
        `register loop (CPU-bound) iterations per CPU ms ${describeSwing(idle.map((slice) => slice.spin))}`,
    )
    database = await createBenchDatabase('phases')
    limitPrefix = `bench:limit:${database.name}:`
    const client = new pg.Client({ connectionString: database.url })
    client.on('error', () => {})
    await client.connect()
    await seedCatalog(client, ROWS)
    await client.end()
    const env = { SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url, REDIS_URL }
    const twinA = await startCompiledServer('twin-a', env)
    servers.push(twinA)
    const twinB = await startCompiledServer('twin-b', env)
    servers.push(twinB)
    const limit = await startChild('redisGetServer.ts', { REDIS_URL, BENCH_KEY_PREFIX: limitPrefix })
    servers.push(limit)

    // Every measured answer is a hit of the same bytes, and the limit server replays those bytes.
    await request(new URL(LIST_PATH, twinA.url))
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 })
    redis.on('error', () => {})
    try {
      for (const twin of [twinA, twinB]) {
        const hit = await request(new URL(LIST_PATH, twin.url))
        if (hit.status !== 200 || hit.headers['x-cache'] !== 'HIT') throw new Error(`${twin.url}: not a 200 HIT (${hit.status})`)
        await redis.set(`${limitPrefix}${LIST_PATH}`, hit.body, 'EX', 3_600)
      }
    } finally {
      redis.disconnect()
    }
    print(`twins on ${twinA.url} and ${twinB.url} (one build, one database, one Redis), limit server on ${limit.url}`)

    const results = await measureInterleaved(
      [
        { key: 'a', label: 'twin A (cache hit)', url: twinA.url, path: () => LIST_PATH },
        { key: 'limit', label: 'limit server', url: limit.url, path: () => LIST_PATH },
        { key: 'b', label: 'twin B (cache hit)', url: twinB.url, path: () => LIST_PATH },
      ],
      { concurrency: CONCURRENCY, seconds: SLICE_SECONDS * ROUNDS, rounds: ROUNDS, warmupMs: 3_000 },
    )
    const a = results.a!.roundRps
    const b = results.b!.roundRps
    const limitRounds = results.limit!.roundRps
    print()
    print(
      "| series | median round req/s | slowest / fastest round | drift (§7: Theil-Sen trend over the rounds) | rounds' correlation with the memory canary | with the register canary |",
    )
    print('|---|---|---|---|---|---|')
    for (const [name, key] of [
      ['twin A', 'a'],
      ['twin B', 'b'],
      ['limit server', 'limit'],
    ] as const) {
      const result = results[key]!
      const during = result.roundWindows.map((window) => canaryWithin(canary.samples(), window.start, window.end))
      print(
        `| ${name} | ${median(result.roundRps).toFixed(0)} | ${(Math.min(...result.roundRps) / Math.max(...result.roundRps)).toFixed(2)} | ${(result.drift * 100).toFixed(0)} % | ` +
          `${correlation(
            result.roundRps,
            during.map((sample) => sample.chase),
          ).toFixed(2)} | ${correlation(
            result.roundRps,
            during.map((sample) => sample.spin),
          ).toFixed(2)} |`,
      )
    }
    const roundsStart = Math.min(...Object.values(results).map((result) => result.roundWindows[0]!.start))
    const roundsEnd = Math.max(...Object.values(results).map((result) => result.roundWindows.at(-1)!.end))
    const beside = canarySlices(canary, roundsStart, roundsEnd, SLICE_SECONDS * 1000)
    print()
    print(
      `memory canary beside the rounds, in ${SLICE_SECONDS} s slices: pointer chase ${describeSwing(beside.map((slice) => slice.chase))}; ` +
        `register loop ${describeSwing(beside.map((slice) => slice.spin))}`,
    )
    print()
    print(
      `the twins' drifts differ by ${(Math.abs(results.a!.drift - results.b!.drift) * 100).toFixed(0)} points: the same code on the same data in the same minutes, ` +
        'so a difference this large is the noise of the drift measure on this machine (bench:cache §7 allows 20 % drift)',
    )
    print(
      `correlation of the rounds: twin A with twin B ${correlation(a, b).toFixed(2)}; twin A with the limit server ${correlation(a, limitRounds).toFixed(2)}; twin B with the limit server ${correlation(b, limitRounds).toFixed(2)}`,
    )
  } finally {
    await canary.stop().catch(() => undefined)
    for (const server of servers) await server.stop().catch(() => undefined)
    await stopLoadProcess().catch(() => undefined)
    if (database) {
      const deleted = await deleteRedisKeys(REDIS_URL, `*${databaseScopeOf(database.url)}*`).catch(() => NaN)
      const deletedLimit = await deleteRedisKeys(REDIS_URL, `${limitPrefix}*`).catch(() => NaN)
      await database.drop().catch((error: unknown) => print(`could not drop ${database!.name}: ${String(error)}`))
      print(`cleaned up: servers stopped, database ${database.name} dropped, ${deleted + deletedLimit} Redis keys deleted`)
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
