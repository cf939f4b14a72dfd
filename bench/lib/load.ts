import http from 'node:http'

export type LoadResult = {
  requests: number
  errors: number
  /** Responses by status code (0 = network error). */
  statuses: Record<number, number>
  /** Responses by their X-Cache header (`HIT`, `MISS`, or `none` when the header is absent). */
  xCache: Record<string, number>
  seconds: number
  rps: number
  p50: number
  p95: number
  p99: number
  max: number
  /** The first non-2xx body seen, to say why a run failed. */
  firstFailure?: string
  /** Every latency in ms, sorted, so runs can be merged. */
  latencies: Float64Array
  /**
   * CPU the load generator itself used (user + system) as a share of one core over the run, when it
   * ran in a process of its own (bench/lib/loadProcess.ts): near 1 would mean it is the bottleneck.
   */
  generatorCpu?: number
}

export type LoadOptions = {
  baseUrl: string
  /** Path of the i-th request (fixed for a single endpoint, a rotating mix for search). */
  path: (i: number) => string
  /** Extra request headers of the i-th request (e.g. a signed-in reader's bearer token). */
  headers?: (i: number) => Record<string, string> | undefined
  concurrency: number
  durationMs: number
  /** Stop early after this many requests. */
  maxRequests?: number
}

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

const percentile = (sorted: Float64Array, p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!

/**
 * One request over `agent` (keep-alive). No Accept-Encoding is sent, so every server answers the
 * same identity bytes; the body is read in full before the request counts as answered.
 */
export const request = (
  url: URL,
  { agent, method = 'GET', headers, body }: { agent?: http.Agent; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> =>
  new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        agent,
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })

/**
 * A closed-loop load generator: `concurrency` clients on keep-alive connections, each sending its
 * next request as soon as the previous answer has been read in full, for `durationMs` (bounded
 * in time and count; loopback only). Latency is measured per request, from send to last byte.
 * Prefer running it through bench/lib/loadProcess.ts, in a process that does nothing else.
 */
export const runLoad = async ({
  baseUrl,
  path,
  headers,
  concurrency,
  durationMs,
  maxRequests = Infinity,
}: LoadOptions): Promise<LoadResult> => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
  const latencies: number[] = []
  const statuses: Record<number, number> = {}
  const xCache: Record<string, number> = {}
  let errors = 0
  let issued = 0
  let firstFailure: string | undefined
  // Parsed once per distinct path: the generator's own work per request stays small.
  const urls = new Map<string, URL>()
  const urlOf = (target: string): URL => urls.get(target) ?? urls.set(target, new URL(target, baseUrl)).get(target)!
  const started = performance.now()
  const deadline = started + durationMs
  const client = async () => {
    while (performance.now() < deadline && issued < maxRequests) {
      const index = issued++
      const url = urlOf(path(index))
      const sent = performance.now()
      try {
        const response = await request(url, { agent, headers: headers?.(index) })
        latencies.push(performance.now() - sent)
        statuses[response.status] = (statuses[response.status] ?? 0) + 1
        const cache = String(response.headers['x-cache'] ?? 'none')
        xCache[cache] = (xCache[cache] ?? 0) + 1
        if (response.status < 200 || response.status >= 300) {
          errors++
          firstFailure ??= `${response.status} ${url.pathname}${url.search}: ${response.body.toString('utf8').slice(0, 300)}`
        }
      } catch (error) {
        errors++
        statuses[0] = (statuses[0] ?? 0) + 1
        firstFailure ??= `network error ${url.pathname}: ${String(error)}`
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, client))
  const seconds = (performance.now() - started) / 1000
  agent.destroy()
  return summarise({ latencies: Float64Array.from(latencies), seconds, errors, statuses, xCache, firstFailure })
}

export const summarise = ({
  latencies,
  seconds,
  errors,
  statuses,
  xCache,
  firstFailure,
}: {
  latencies: Float64Array
  seconds: number
  errors: number
  statuses: Record<number, number>
  xCache: Record<string, number>
  firstFailure?: string
}): LoadResult => {
  const sorted = latencies.sort()
  return {
    requests: sorted.length,
    errors,
    statuses,
    xCache,
    seconds,
    rps: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    firstFailure,
    latencies: sorted,
  }
}

const addCounts = <K extends string | number>(into: Record<K, number>, from: Record<K, number> | undefined): void => {
  for (const [key, n] of Object.entries(from ?? {}) as [K, number][]) into[key] = (into[key] ?? 0) + n
}

/** Several runs of the same target as one: requests and seconds add up, percentiles over all latencies. */
export const mergeResults = (runs: readonly LoadResult[]): LoadResult => {
  const all = new Float64Array(runs.reduce((n, run) => n + run.latencies.length, 0))
  let offset = 0
  const statuses: Record<number, number> = {}
  const xCache: Record<string, number> = {}
  for (const run of runs) {
    all.set(run.latencies, offset)
    offset += run.latencies.length
    addCounts(statuses, run.statuses)
    addCounts(xCache, run.xCache)
  }
  const seconds = runs.reduce((s, run) => s + run.seconds, 0)
  const cpuRuns = runs.filter((run) => run.generatorCpu !== undefined)
  return {
    ...summarise({
      latencies: all,
      seconds,
      errors: runs.reduce((s, run) => s + run.errors, 0),
      statuses,
      xCache,
      firstFailure: runs.find((run) => run.firstFailure)?.firstFailure,
    }),
    generatorCpu: cpuRuns.length
      ? cpuRuns.reduce((s, run) => s + run.generatorCpu! * run.seconds, 0) / cpuRuns.reduce((s, run) => s + run.seconds, 0)
      : undefined,
  }
}

/** Share of responses that carried `X-Cache: HIT`. */
export const hitRatio = (result: Pick<LoadResult, 'xCache' | 'requests'>): number => (result.xCache.HIT ?? 0) / Math.max(1, result.requests)

/** One request, for checking a response's shape before loading the endpoint. */
export const fetchJson = async (
  baseUrl: string,
  path: string,
  headers?: Record<string, string>,
): Promise<{ status: number; json: unknown; headers: http.IncomingHttpHeaders }> => {
  const response = await request(new URL(path, baseUrl), { headers })
  const text = response.body.toString('utf8')
  let json: unknown = text
  try {
    json = JSON.parse(text)
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, json, headers: response.headers }
}
