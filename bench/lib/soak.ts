import http from 'node:http'

import { request, summarise, type LoadResult } from './load'
import { createRng } from './titles'

export type SoakAnime = { id: number; title: string }

export type SoakOptions = {
  baseUrl: string
  /** The anime read and written (e.g. the top-scored ones, so the list pages show written titles). */
  anime: readonly SoakAnime[]
  /** List pages read alongside the detail pages (`/api/anime?...`). */
  listPaths: readonly string[]
  /** An admin's bearer token, for the writes. */
  adminToken: string
  concurrency: number
  durationMs: number
  /** Share of requests that are writes (0.05). */
  writeShare: number
  /** Share of reads that are list pages; the rest are detail pages. */
  listShare: number
  seed?: number
}

export type SoakResult = {
  /** The anonymous reads (detail and list); X-Cache counted in `xCache`. */
  reads: LoadResult
  detailReads: number
  listReads: number
  detailHitRatio: number
  listHitRatio: number
  writes: LoadResult
  /** Read-after-write checks: one anonymous detail read right after each write's 200 (not in `reads`). */
  checks: LoadResult
  /** Every detail and list read (checks included) compared with the writes confirmed before it was sent. */
  comparedDocs: number
  stale: number
  firstStale?: string
  generatorCpu?: number
}

export const detailPath = (id: number): string => `/api/anime/${id}?depth=1`

/** The write counter a title carries (`<title> ~w<n>`), 0 for an original title. */
const writeNumberOf = (title: unknown): number => {
  const match = typeof title === 'string' ? / ~w(\d+)$/.exec(title) : null
  return match ? Number(match[1]) : 0
}

type Recorder = {
  latencies: number[]
  statuses: Record<number, number>
  xCache: Record<string, number>
  errors: number
  firstFailure?: string
}
const recorder = (): Recorder => ({ latencies: [], statuses: {}, xCache: {}, errors: 0 })
const record = (into: Recorder, sent: number, status: number, cache: string | undefined, failure: () => string) => {
  into.latencies.push(performance.now() - sent)
  into.statuses[status] = (into.statuses[status] ?? 0) + 1
  into.xCache[cache ?? 'none'] = (into.xCache[cache ?? 'none'] ?? 0) + 1
  if (status < 200 || status >= 300) {
    into.errors++
    into.firstFailure ??= failure()
  }
}
const resultOf = (from: Recorder, seconds: number): LoadResult =>
  summarise({
    latencies: Float64Array.from(from.latencies),
    seconds,
    errors: from.errors,
    statuses: from.statuses,
    xCache: from.xCache,
    firstFailure: from.firstFailure,
  })

/**
 * A read/write soak, closed loop: each of `concurrency` clients sends, one after another, a write
 * (share `writeShare`: an admin's PATCH of a random anime's title through REST, never two at once on
 * the same anime) or an anonymous read (a list page, share `listShare`, or a random anime's detail
 * page). After each write's 200 the writer reads that anime anonymously at once: it must show the
 * new title. Every read is also checked: a document in it must carry at least the write that was
 * confirmed (200) before the read was sent; an older title is a stale read.
 */
export const runSoak = async (options: SoakOptions): Promise<SoakResult> => {
  const { baseUrl, anime, listPaths, adminToken, concurrency, durationMs, writeShare, listShare } = options
  const rng = createRng(options.seed ?? 20261202)
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency * 2 })
  const originals = new Map(anime.map((doc) => [doc.id, doc.title]))
  /** Per anime, the writes confirmed so far: when the 200 arrived and the write number. */
  const confirmed = new Map<number, { at: number; n: number }[]>()
  const writing = new Set<number>()
  const reads = recorder()
  const writes = recorder()
  const checks = recorder()
  let detailReads = 0
  let detailHits = 0
  let listReads = 0
  let listHits = 0
  let comparedDocs = 0
  let stale = 0
  let firstStale: string | undefined
  let writeNumber = 0

  const expectedAt = (id: number, sentAt: number): number => {
    const history = confirmed.get(id)
    if (!history) return 0
    for (let i = history.length - 1; i >= 0; i--) if (history[i]!.at <= sentAt) return history[i]!.n
    return 0
  }
  const compare = (doc: { id?: unknown; title?: unknown }, sentAt: number, where: string) => {
    if (typeof doc.id !== 'number' || !originals.has(doc.id)) return
    comparedDocs++
    const expected = expectedAt(doc.id, sentAt)
    const seen = writeNumberOf(doc.title)
    if (seen < expected) {
      stale++
      firstStale ??= `${where}: anime ${doc.id} read as write ${seen} ("${String(doc.title)}") after write ${expected} was confirmed`
    }
  }
  const parse = (body: Buffer): unknown => {
    try {
      return JSON.parse(body.toString('utf8'))
    } catch {
      return undefined
    }
  }

  const read = async (path: string, into: Recorder, kind: 'detail' | 'list' | 'check') => {
    const sent = performance.now()
    try {
      const response = await request(new URL(path, baseUrl), { agent })
      const cache = response.headers['x-cache'] as string | undefined
      record(into, sent, response.status, cache, () => `${response.status} ${path}: ${response.body.toString('utf8').slice(0, 300)}`)
      if (kind === 'detail') {
        detailReads++
        if (cache === 'HIT') detailHits++
      } else if (kind === 'list') {
        listReads++
        if (cache === 'HIT') listHits++
      }
      if (response.status !== 200) return undefined
      const json = parse(response.body) as { id?: unknown; title?: unknown; docs?: { id?: unknown; title?: unknown }[] } | undefined
      if (!json) return undefined
      if (Array.isArray(json.docs)) json.docs.forEach((doc) => compare(doc, sent, `${kind} ${path}`))
      else compare(json, sent, `${kind} ${path}`)
      return json
    } catch (error) {
      into.errors++
      into.statuses[0] = (into.statuses[0] ?? 0) + 1
      into.firstFailure ??= `network error ${path}: ${String(error)}`
      return undefined
    }
  }

  const write = async () => {
    let doc = anime[Math.floor(rng() * anime.length)]!
    for (let tries = 0; writing.has(doc.id) && tries < 10; tries++) doc = anime[Math.floor(rng() * anime.length)]!
    if (writing.has(doc.id)) return
    writing.add(doc.id)
    const n = ++writeNumber
    const title = `${originals.get(doc.id)} ~w${n}`
    const sent = performance.now()
    try {
      const response = await request(new URL(`/api/anime/${doc.id}?depth=0`, baseUrl), {
        agent,
        method: 'PATCH',
        headers: { authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ title }),
      })
      record(
        writes,
        sent,
        response.status,
        undefined,
        () => `${response.status} PATCH /api/anime/${doc.id}: ${response.body.toString('utf8').slice(0, 300)}`,
      )
      if (response.status !== 200) return
      ;(confirmed.get(doc.id) ?? confirmed.set(doc.id, []).get(doc.id)!).push({ at: performance.now(), n })
      const check = (await read(detailPath(doc.id), checks, 'check')) as { title?: unknown } | undefined
      if (check && check.title !== title) {
        stale++
        firstStale ??= `read after write: anime ${doc.id} read as "${String(check.title)}" right after "${title}" was confirmed`
      }
    } catch (error) {
      writes.errors++
      writes.statuses[0] = (writes.statuses[0] ?? 0) + 1
      writes.firstFailure ??= `network error PATCH /api/anime/${doc.id}: ${String(error)}`
    } finally {
      writing.delete(doc.id)
    }
  }

  const cpuBefore = process.cpuUsage()
  const started = performance.now()
  const deadline = started + durationMs
  const client = async () => {
    while (performance.now() < deadline) {
      const roll = rng()
      if (roll < writeShare) await write()
      else if (rng() < listShare) await read(listPaths[Math.floor(rng() * listPaths.length)]!, reads, 'list')
      else await read(detailPath(anime[Math.floor(rng() * anime.length)]!.id), reads, 'detail')
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client))
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  agent.destroy()
  const readResult = resultOf(reads, seconds)
  return {
    reads: readResult,
    detailReads,
    listReads,
    detailHitRatio: detailHits / Math.max(1, detailReads),
    listHitRatio: listHits / Math.max(1, listReads),
    writes: resultOf(writes, seconds),
    checks: resultOf(checks, seconds),
    comparedDocs,
    stale,
    firstStale,
    generatorCpu: (cpu.user + cpu.system) / 1e6 / seconds,
  }
}
