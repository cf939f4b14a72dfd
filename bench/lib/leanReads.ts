import { createAccountWithRole } from '../../tests/helpers/accounts'
import { describeRounds, measureInterleaved, print, startCompiledServer, type BenchServer, type InterleavedResult } from './harness'
import { request, type LoadResult } from './load'

/** Issue 13 §3: the uncached staff list page on the lean read path must reach this many times today's req/s. */
export const LEAN_READS_TARGET = 2
const LIST_PATH = '/api/anime?limit=20&depth=1&sort=-score'
/** Compared byte for byte between the two paths, for a staff reader and an anonymous one. */
const SAME_ANSWER_PATHS = [
  LIST_PATH,
  '/api/anime?limit=20&depth=1&sort=-score&page=3',
  '/api/anime?limit=5&depth=0&sort=year&where[kind][equals]=tv',
  '/api/anime?limit=10&depth=1&sort=-score&draft=true',
  '/api/anime?limit=10&sort=-viewCount&where[viewCount][greater_than]=10',
  '/api/genres?limit=50',
]

export type LeanReadsResult = {
  lean: InterleavedResult
  today: InterleavedResult
  /** Paths (x2 readers) whose bodies differ between the two paths: must be none. */
  differing: string[]
  compared: number
}

/**
 * Two compiled servers on the same database and build, the response cache off (staff are never
 * served from it anyway): LEAN_READS=true (as deployed) and LEAN_READS=false, today's read path
 * (parallel query plans allowed, `count(*)` on every list page). The switch turns off exactly
 * what the lean path changes, so the second server does today's work. Checks the two answer the
 * same bytes, then measures the staff (editor) list page on both in interleaved rounds.
 */
export const measureLeanReads = async ({
  databaseUrl,
  env,
  concurrency,
  seconds,
  rounds,
  warmupMs,
}: {
  databaseUrl: string
  env: Record<string, string>
  concurrency: number
  seconds: number
  rounds: number
  warmupMs: number
}): Promise<LeanReadsResult> => {
  const servers: BenchServer[] = []
  try {
    const serverEnv = { ...env, DATABASE_URL: databaseUrl, CACHE_ENABLED: 'false', REDIS_URL: '' }
    const lean = await startCompiledServer('lean-reads', { ...serverEnv, LEAN_READS: 'true' })
    servers.push(lean)
    const today = await startCompiledServer('today-reads', { ...serverEnv, LEAN_READS: 'false' })
    servers.push(today)
    const editor = await createAccountWithRole({
      serverUrl: lean.url,
      databaseUrl,
      email: 'bench-lean-reads-editor@example.com',
      password: 'bench-lean-reads-password',
      role: 'editor',
    })
    const staff = { authorization: `Bearer ${editor.accessToken}` }

    const differing: string[] = []
    for (const path of SAME_ANSWER_PATHS) {
      for (const [reader, headers] of [
        ['staff', staff],
        ['anonymous', undefined],
      ] as const) {
        const [a, b] = await Promise.all([lean, today].map((server) => request(new URL(path, server.url), { headers })))
        if (a!.status !== 200 || b!.status !== 200 || !a!.body.equals(b!.body))
          differing.push(`${reader} ${path} (${a!.status}/${b!.status})`)
      }
    }
    const list = JSON.parse((await request(new URL(LIST_PATH, lean.url), { headers: staff })).body.toString('utf8')) as {
      docs: { genres?: unknown[] }[]
      totalDocs: number
    }
    if (list.docs.length !== 20 || typeof list.docs[0]?.genres?.[0] !== 'object')
      throw new Error('§3: the staff list page has not 20 anime with genres')
    print(
      `§3 servers: lean (LEAN_READS=true) ${lean.url}, today (LEAN_READS=false) ${today.url}; staff list page totalDocs ${list.totalDocs}; ` +
        `${SAME_ANSWER_PATHS.length * 2 - differing.length}/${SAME_ANSWER_PATHS.length * 2} answers byte-identical`,
    )
    const targets = [
      { key: 'lean', label: '§3 staff list page, lean read path', url: lean.url, path: () => LIST_PATH, headers: [staff] },
      { key: 'today', label: "§3 staff list page, today's read path", url: today.url, path: () => LIST_PATH, headers: [staff] },
    ] as const
    const measured = await measureInterleaved(targets, { concurrency, seconds, rounds, warmupMs })
    return { lean: measured.lean!, today: measured.today!, differing, compared: SAME_ANSWER_PATHS.length * 2 }
  } finally {
    for (const server of servers) await server.stop()
  }
}

/** The §3 lines of the bench's report: a table row per path and the verdict (returned; undefined when not measured). */
export const reportLeanReads = (result: LeanReadsResult | undefined, concurrency: number): boolean | undefined => {
  if (!result) return undefined
  const row = (name: string, merged: LoadResult, note: string) =>
    `| ${name} | ${merged.rps.toFixed(0)} | ${merged.p50.toFixed(1)} | ${merged.p95.toFixed(1)} | ${merged.p99.toFixed(1)} | ${merged.errors} | ${note} |`
  const ratio = result.lean.merged.rps / result.today.merged.rps
  const pass = ratio >= LEAN_READS_TARGET && result.differing.length === 0 && result.lean.merged.errors === 0
  print()
  print(`| §3 staff list page, uncached (${concurrency} clients, editor token) | req/s | p50 ms | p95 ms | p99 ms | errors | note |`)
  print('|---|---|---|---|---|---|---|')
  print(row('lean read path (LEAN_READS=true)', result.lean.merged, describeRounds(result.lean)))
  print(row("today's read path (LEAN_READS=false)", result.today.merged, describeRounds(result.today)))
  print(
    `${pass ? 'PASS' : 'FAIL'} §3 staff list page ${ratio.toFixed(2)}x today's req/s >= ${LEAN_READS_TARGET}x; ` +
      `answers byte-identical ${result.compared - result.differing.length}/${result.compared}` +
      (result.differing.length > 0 ? ` (differ: ${result.differing.join('; ')})` : ''),
  )
  return pass
}
