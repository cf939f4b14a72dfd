import http from 'node:http'

export type LoadResult = {
  requests: number
  errors: number
  /** Responses by status code (0 = network error). */
  statuses: Record<number, number>
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
}

export type LoadOptions = {
  baseUrl: string
  /** Path of the i-th request (fixed for a single endpoint, a rotating mix for search). */
  path: (i: number) => string
  concurrency: number
  durationMs: number
  /** Stop early after this many requests. */
  maxRequests?: number
}

const percentile = (sorted: Float64Array, p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!

const get = (agent: http.Agent, url: URL): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('error', reject)
  })

/**
 * A closed-loop load generator: `concurrency` clients on keep-alive connections, each sending its
 * next request as soon as the previous answer has been read in full, for `durationMs` (bounded
 * in time and count; loopback only). Latency is measured per request, from send to last byte.
 */
export const runLoad = async ({ baseUrl, path, concurrency, durationMs, maxRequests = Infinity }: LoadOptions): Promise<LoadResult> => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
  const latencies: number[] = []
  const statuses: Record<number, number> = {}
  let errors = 0
  let issued = 0
  let firstFailure: string | undefined
  const started = performance.now()
  const deadline = started + durationMs
  const client = async () => {
    while (performance.now() < deadline && issued < maxRequests) {
      const url = new URL(path(issued++), baseUrl)
      const sent = performance.now()
      try {
        const { status, body } = await get(agent, url)
        latencies.push(performance.now() - sent)
        statuses[status] = (statuses[status] ?? 0) + 1
        if (status < 200 || status >= 300) {
          errors++
          firstFailure ??= `${status} ${url.pathname}${url.search}: ${body.slice(0, 300)}`
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
  return summarise(Float64Array.from(latencies), seconds, errors, statuses, firstFailure)
}

const summarise = (
  latencies: Float64Array,
  seconds: number,
  errors: number,
  statuses: Record<number, number>,
  firstFailure?: string,
): LoadResult => {
  const sorted = latencies.sort()
  return {
    requests: sorted.length,
    errors,
    statuses,
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

/** Several runs of the same target as one: requests and seconds add up, percentiles over all latencies. */
export const mergeResults = (runs: readonly LoadResult[]): LoadResult => {
  const all = new Float64Array(runs.reduce((n, run) => n + run.latencies.length, 0))
  let offset = 0
  const statuses: Record<number, number> = {}
  for (const run of runs) {
    all.set(run.latencies, offset)
    offset += run.latencies.length
    for (const [status, n] of Object.entries(run.statuses)) statuses[Number(status)] = (statuses[Number(status)] ?? 0) + n
  }
  return summarise(
    all,
    runs.reduce((s, run) => s + run.seconds, 0),
    runs.reduce((s, run) => s + run.errors, 0),
    statuses,
    runs.find((run) => run.firstFailure)?.firstFailure,
  )
}

/** One request, for checking a response's shape before loading the endpoint. */
export const fetchJson = async (baseUrl: string, path: string): Promise<{ status: number; json: unknown }> => {
  const response = await fetch(new URL(path, baseUrl), { headers: { accept: 'application/json' } })
  const text = await response.text()
  let json: unknown = text
  try {
    json = JSON.parse(text)
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, json }
}
