import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'

import { createAccountWithRole } from '../../../helpers/accounts'
import { ensureProductionBuild } from '../../../helpers/productionBuild'
import { parsePrometheusText, samplesOf, valueOf, type Sample } from '../../../helpers/prometheusText'
import { deleteBrokerObjects, uniqueExchange } from '../../../helpers/rabbitmq'
import { connectedServerEnv, startServer, waitFor, type RunningServer } from '../../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'

/**
 * The compiled server with the real PostgreSQL, Redis (response cache, session events) and
 * RabbitMQ (event relay), and METRICS_TOKEN set: after real traffic each metric family shows it;
 * /metrics refuses scrapes without the token; request ids round-trip and reach the JSON logs.
 */

const METRICS_TOKEN = 'metrics-test-token-0123456789'
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

const exchange = uniqueExchange('metrics')
let database: TestDatabase
let server: RunningServer
let admin: { id: number; accessToken: string }
let animeId: number

const scrape = async (token = METRICS_TOKEN): Promise<Sample[]> => {
  const response = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${token}` } })
  expect(response.status).toBe(200)
  return parsePrometheusText(await response.text())
}

/** A GET whose body is read: the response is complete (and cached) when it returns. */
const get = async (path: string, headers: Record<string, string> = {}): Promise<Response> => {
  const response = await fetch(`${server.url}${path}`, { headers })
  await response.arrayBuffer()
  return response
}

/** The JSON lines the server printed so far. */
const logLines = (): Record<string, unknown>[] =>
  server
    .output()
    .split('\n')
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>]
      } catch {
        return []
      }
    })

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('metrics')
  server = await startServer(
    {
      ...connectedServerEnv({ databaseUrl: database.url, exchange }),
      METRICS_TOKEN,
      LOG_LEVEL: 'info',
    },
    { compiled: true },
  )
  admin = await createAccountWithRole({
    serverUrl: server.url,
    databaseUrl: database.url,
    email: 'metrics-admin@example.com',
    password: 'metrics-admin-password',
    role: 'admin',
  })
  // A write by an admin: it also records an `anime.created` event in the outbox.
  const created = await fetch(`${server.url}/api/anime`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${admin.accessToken}` },
    body: JSON.stringify({ title: 'Metrics no Tsubasa', _status: 'published' }),
  })
  expect(created.status, await created.clone().text()).toBe(201)
  animeId = ((await created.json()) as { doc: { id: number } }).doc.id
})

afterAll(async () => {
  await server?.stop()
  await deleteBrokerObjects({ exchanges: [exchange] })
  await database?.drop()
})

describe('/metrics after traffic', () => {
  it('exposes every family with plausible values', async () => {
    const path = `/api/anime/${animeId}`
    expect((await get(path)).headers.get('x-cache')).toBe('MISS')
    expect((await get(path)).headers.get('x-cache')).toBe('HIT')
    expect((await get(`/no/such/page-${Date.now()}`)).status).toBe(404)

    // A request is recorded when its response has ended, which the client may see a moment earlier.
    let samples: Sample[] = []
    await waitFor(async () => {
      samples = await scrape()
      return valueOf(samples, 'http_request_duration_seconds_count', { route: 'unmatched' }) !== undefined
    }, 5_000)
    // Both reads, the hit included, under the route's template; the unrouted path under `unmatched`.
    const read = { route: '/api/anime/:id', method: 'GET', status_code: '200' }
    expect(valueOf(samples, 'http_request_duration_seconds_count', read)).toBeGreaterThanOrEqual(2)
    expect(valueOf(samples, 'http_request_duration_seconds_bucket', { ...read, le: '+Inf' })).toBeGreaterThanOrEqual(2)
    expect(valueOf(samples, 'http_request_duration_seconds_count', { route: '/api/anime', method: 'POST', status_code: '201' })).toBe(1)
    expect(valueOf(samples, 'http_request_duration_seconds_count', { route: '/api/auth/register', method: 'POST' })).toBe(1)
    expect(valueOf(samples, 'http_request_duration_seconds_count', { route: 'unmatched', status_code: '404' })).toBeGreaterThanOrEqual(1)
    const routes = new Set(samplesOf(samples, 'http_request_duration_seconds_count').map((sample) => sample.labels.route))
    expect([...routes].filter((route) => route?.includes('no/such') || /\/\d+/.test(route ?? ''))).toEqual([])

    for (const pool of ['payload', 'session', 'events']) {
      const inUse = valueOf(samples, 'db_pool_connections_in_use', { pool })
      const idle = valueOf(samples, 'db_pool_connections_idle', { pool })
      expect(inUse, `in use, ${pool}`).toBeGreaterThanOrEqual(0)
      expect(idle, `idle, ${pool}`).toBeGreaterThanOrEqual(0)
      expect(valueOf(samples, 'db_pool_requests_waiting', { pool }), `waiting, ${pool}`).toBeGreaterThanOrEqual(0)
    }
    // Payload has served queries: its pool holds connections.
    expect(
      valueOf(samples, 'db_pool_connections_in_use', { pool: 'payload' })! +
        valueOf(samples, 'db_pool_connections_idle', { pool: 'payload' })!,
    ).toBeGreaterThan(0)

    expect(valueOf(samples, 'response_cache_requests_total', { result: 'hit' })).toBeGreaterThanOrEqual(1)
    expect(valueOf(samples, 'response_cache_requests_total', { result: 'miss' })).toBeGreaterThanOrEqual(1)
    expect(valueOf(samples, 'events_outbox_backlog')).toBeGreaterThanOrEqual(0)
    expect(valueOf(samples, 'events_publish_failed_total', { reason: 'nack' })).toBe(0)
    expect(valueOf(samples, 'process_cpu_seconds_total')).toBeGreaterThan(0)
    expect(valueOf(samples, 'nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0)
    expect(valueOf(samples, 'process_resident_memory_bytes')).toBeGreaterThan(0)
  })

  it('counts the events the relay published, and the backlog drains to 0', async () => {
    let samples: Sample[] = []
    const published = await waitFor(async () => {
      samples = await scrape()
      return (valueOf(samples, 'events_published_total') ?? 0) >= 2 && valueOf(samples, 'events_outbox_backlog') === 0
    }, 30_000)
    expect(published, JSON.stringify(samplesOf(samples, 'events_published_total'))).toBe(true)
  })

  it('counts open WebSocket connections', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${encodeURIComponent(admin.accessToken)}`)
    socket.on('error', () => undefined)
    const ready = await new Promise<unknown>((resolve, reject) => {
      socket.once('message', (data) => resolve(JSON.parse(data.toString())))
      socket.once('error', reject)
    })
    expect(ready).toEqual({ type: 'ready' })
    expect(valueOf(await scrape(), 'websocket_connections')).toBeGreaterThanOrEqual(1)
    socket.close()
    expect(await waitFor(async () => valueOf(await scrape(), 'websocket_connections') === 0, 10_000)).toBe(true)
  })

  it('refuses a scrape without the token or with a wrong one, and is never cached', async () => {
    const missing = await fetch(`${server.url}/metrics`)
    expect(missing.status).toBe(401)
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer realm="metrics"/)
    expect(missing.headers.get('x-request-id')).toMatch(UUID)
    expect(await missing.text()).not.toContain('http_request_duration_seconds')

    const wrong = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}x` } })
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('www-authenticate')).toContain('error="invalid_token"')
    // A user's access token is not the metrics token.
    expect((await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${admin.accessToken}` } })).status).toBe(401)

    const ok = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(ok.headers.get('cache-control')).toBe('no-store')
    expect(ok.headers.get('x-cache')).toBeNull()
  })
})

describe('request ids', () => {
  it('returns a sane X-Request-Id and logs it in the access line, cache hits included', async () => {
    const path = `/api/anime/${animeId}`
    const miss = await get(`${path}?requestid=1`, { 'X-Request-Id': 'test-abc-123' })
    expect(miss.headers.get('x-cache')).toBe('MISS')
    expect(miss.headers.get('x-request-id')).toBe('test-abc-123')
    const again = await get(`${path}?requestid=1`, { 'X-Request-Id': 'test-abc-456' })
    expect(again.headers.get('x-cache')).toBe('HIT')
    // The cached response does not replay the first caller's id.
    expect(again.headers.get('x-request-id')).toBe('test-abc-456')

    const found = await waitFor(async () => logLines().some((line) => line.request_id === 'test-abc-456' && line.msg === 'request'), 5_000)
    expect(found).toBe(true)
    const access = logLines().find((line) => line.request_id === 'test-abc-123' && line.msg === 'request')
    expect(access).toMatchObject({
      name: 'http',
      level: 30,
      method: 'GET',
      path,
      route: '/api/anime/:id',
      status: 200,
    })
    expect(access?.path).not.toContain('?')
    expect(typeof access?.duration_ms).toBe('number')
    // The hit declares its length (the miss was streamed, chunked).
    const hitLine = logLines().find((line) => line.request_id === 'test-abc-456' && line.msg === 'request')
    expect(hitLine).toMatchObject({ route: '/api/anime/:id', status: 200, content_length: Number(again.headers.get('content-length')) })
  })

  it('generates a UUID when none is sent, and replaces an insane one', async () => {
    const none = await fetch(`${server.url}/health`)
    expect(none.headers.get('x-request-id')).toMatch(UUID)
    for (const insane of ['x'.repeat(129), 'bad id with spaces', 'semi;colon<script>']) {
      const response = await fetch(`${server.url}/health`, { headers: { 'X-Request-Id': insane } })
      expect(response.headers.get('x-request-id')).toMatch(UUID)
    }
  })

  it('is on the 401 server.ts writes itself, and in Payload own log lines', async () => {
    const rejected = await fetch(`${server.url}/api/anime`, {
      headers: { Authorization: 'Bearer not-a-token', 'X-Request-Id': 'test-401' },
    })
    expect(rejected.status).toBe(401)
    expect(rejected.headers.get('x-request-id')).toBe('test-401')

    // An anonymous write is Forbidden; Payload logs it (at info) within the request.
    const forbidden = await fetch(`${server.url}/api/genres`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'test-payload-log' },
      body: JSON.stringify({ name: 'Nope' }),
    })
    expect(forbidden.status).toBe(403)
    const logged = await waitFor(
      async () => logLines().some((line) => line.name === 'payload' && line.request_id === 'test-payload-log'),
      5_000,
    )
    expect(
      logged,
      logLines()
        .filter((line) => line.name === 'payload')
        .slice(-5)
        .map((line) => JSON.stringify(line))
        .join('\n'),
    ).toBe(true)
  })
})
