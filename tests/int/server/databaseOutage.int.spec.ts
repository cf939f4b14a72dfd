import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAccountWithRole } from '../../helpers/accounts'
import { ensureProductionBuild } from '../../helpers/productionBuild'
import { jsonLogLines, startServer, TEST_SECRET, waitFor, type RunningServer } from '../../helpers/serverProcess'
import { startTcpProxy, type TcpProxy } from '../../helpers/tcpProxy'
import { firstMessageOrClose } from '../../helpers/webSocketClient'
import { createMigratedTestDatabase, type TestDatabase } from '../../helpers/testDatabase'

/**
 * A database outage seen by clients: the compiled server reaches PostgreSQL through a TCP proxy
 * that the test cuts (connections dropped, new ones refused) or blackholes (accepted, never
 * answered). The shared PostgreSQL itself is never touched.
 *
 * What must hold: a valid token is never answered 401 (a client would sign its user out), a write
 * is never 403, an uncached read is never 500: each is 503 with Retry-After, within a bounded time;
 * cache hits keep being served; the outage is logged once, not once per request; and everything
 * works again, with the same tokens, once the database is back.
 */

/** The bound the issue sets for a request that needs the database (default timeouts). */
const BOUND_MS = 5_000
const PASSWORD = 'outage-password-1'

let database: TestDatabase
let proxy: TcpProxy
let server: RunningServer
let userToken: string
let adminCookie: string

type Outcome = { status: number; retryAfter: string | null; wwwAuthenticate: string | null; ms: number; body: string; cache: string | null }

const call = async (path: string, init: RequestInit = {}): Promise<Outcome> => {
  const started = Date.now()
  const response = await fetch(`${server.url}${path}`, { ...init, signal: AbortSignal.timeout(30_000) })
  const body = await response.text()
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    wwwAuthenticate: response.headers.get('www-authenticate'),
    ms: Date.now() - started,
    body,
    cache: response.headers.get('x-cache'),
  }
}

const bearer = (token: string): RequestInit => ({ headers: { Authorization: `Bearer ${token}` } })

/** The admin panel's way: Payload's cookie, honoured only from an allowed origin (CSRF). */
const adminCookieHeaders = () => ({ Cookie: adminCookie, Origin: `http://localhost:${server.port}` })

/** The requests a client makes, each of which needs the database. */
const requestsNeedingTheDatabase = (tag: string): Record<string, () => Promise<Outcome>> => ({
  'GET /api/users/me (access token)': () => call('/api/users/me', bearer(userToken)),
  'POST /api/lists (access token)': () =>
    call('/api/lists', {
      method: 'POST',
      headers: { Authorization: `Bearer ${userToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `outage ${tag}` }),
    }),
  'POST /api/genres (admin cookie)': () =>
    call('/api/genres', {
      method: 'POST',
      headers: { ...adminCookieHeaders(), 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `Outage ${tag}` }),
    }),
  'GET /api/users/me (admin cookie)': () => call('/api/users/me', { headers: adminCookieHeaders() }),
  'GET /api/anime (uncached, anonymous)': () => call(`/api/anime?where[title][equals]=${encodeURIComponent(tag)}`),
  'POST /api/graphql (anonymous)': () =>
    call('/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: `{ Genres(where: { name: { equals: "${tag}" } }) { docs { id } } }` }),
    }),
})

const expectUnavailable = (name: string, outcome: Outcome) => {
  expect({ name, status: outcome.status, body: outcome.body.slice(0, 200) }).toEqual({ name, status: 503, body: expect.any(String) })
  expect(outcome.retryAfter, name).toMatch(/^\d+$/)
  expect(outcome.wwwAuthenticate, name).toBeNull()
  expect(outcome.ms, name).toBeLessThan(BOUND_MS + 1_000)
  expect(JSON.parse(outcome.body), name).toEqual({ errors: [{ message: expect.stringMatching(/database/i) }] })
}

const logLines = () => jsonLogLines(server.output())

const openSocket = (token: string) => firstMessageOrClose(server.port, token)

const recovered = () => waitFor(async () => (await call('/api/users/me', bearer(userToken))).status === 200, 30_000, 250)

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('database-outage')
  proxy = await startTcpProxy(Number(new URL(database.url).port || 5432))
  const proxiedUrl = new URL(database.url)
  proxiedUrl.port = String(proxy.port)
  proxiedUrl.hostname = '127.0.0.1'
  server = await startServer({ SECRET_KEY: TEST_SECRET, DATABASE_URL: proxiedUrl.toString() }, { compiled: true })

  await createAccountWithRole({
    serverUrl: server.url,
    databaseUrl: database.url,
    email: 'admin@outage.test',
    password: PASSWORD,
    role: 'admin',
  })
  const login = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@outage.test', password: PASSWORD }),
  })
  expect(login.status).toBe(200)
  const { token } = (await login.json()) as { token: string }
  adminCookie = `payload-token=${token}`
  const user = await createAccountWithRole({
    serverUrl: server.url,
    databaseUrl: database.url,
    email: 'reader@outage.test',
    password: PASSWORD,
    role: 'user',
  })
  userToken = user.accessToken
})

afterAll(async () => {
  if (process.env.OUTAGE_LOG) (await import('node:fs')).writeFileSync(process.env.OUTAGE_LOG, server?.output() ?? '')
  await server?.stop()
  await proxy?.close()
  await database?.drop()
})

describe('a database outage', () => {
  it('works normally through the proxy (the baseline the outage is compared with)', async () => {
    const requests = requestsNeedingTheDatabase('baseline')
    expect((await requests['GET /api/users/me (access token)']()).status).toBe(200)
    expect((await requests['POST /api/lists (access token)']()).status).toBe(201)
    expect((await requests['POST /api/genres (admin cookie)']()).status).toBe(201)
    const me = await requests['GET /api/users/me (admin cookie)']()
    expect(me.status).toBe(200)
    expect(JSON.parse(me.body)).toMatchObject({ user: { email: 'admin@outage.test' } })
    expect((await requests['GET /api/anime (uncached, anonymous)']()).status).toBe(200)
    expect((await requests['POST /api/graphql (anonymous)']()).status).toBe(200)
  })

  it('cut: every request that needs the database is 503 + Retry-After (never 401 or 403), cache hits are served, /health is 503', async () => {
    await call('/api/genres?limit=5')
    expect((await call('/api/genres?limit=5')).cache).toBe('HIT')

    proxy.cut()
    try {
      for (const [name, request] of Object.entries(requestsNeedingTheDatabase('cut'))) expectUnavailable(name, await request())
      // A second round: the outage is known now, answered at once.
      for (const [name, request] of Object.entries(requestsNeedingTheDatabase('cut-2'))) {
        const outcome = await request()
        expectUnavailable(name, outcome)
        expect(outcome.ms, name).toBeLessThan(500)
      }
      const hit = await call('/api/genres?limit=5')
      expect({ status: hit.status, cache: hit.cache }).toEqual({ status: 200, cache: 'HIT' })
      // A socket cannot be authenticated now: "try again later" (1011), not "invalid token" (4401).
      expect(await openSocket(userToken)).toEqual({ closeCode: 1011 })
      expect((await call('/health')).status).toBe(503)
    } finally {
      proxy.restore()
    }
    expect(await recovered()).toBe(true)
    // The same tokens work again: nobody was signed out.
    expect((await call('/api/users/me', bearer(userToken))).status).toBe(200)
    expect(JSON.parse((await call('/api/users/me', { headers: adminCookieHeaders() })).body)).toMatchObject({
      user: { email: 'admin@outage.test' },
    })
    expect((await requestsNeedingTheDatabase('after-cut')['POST /api/genres (admin cookie)']()).status).toBe(201)
    expect(await openSocket(userToken)).toEqual({ message: { type: 'ready' } })
  })

  it('blackhole: nothing waits forever; each request is 503 within the bound, never 401 or 403', async () => {
    proxy.blackhole()
    try {
      const outcomes = await Promise.all(
        Object.entries(requestsNeedingTheDatabase('blackhole')).map(async ([name, request]) => [name, await request()] as const),
      )
      for (const [name, outcome] of outcomes) expectUnavailable(name, outcome)
      expect((await call('/health')).status).toBe(503)
    } finally {
      proxy.restore()
    }
    expect(await recovered()).toBe(true)
    expect((await requestsNeedingTheDatabase('after-blackhole')['POST /api/lists (access token)']()).status).toBe(201)
  })

  it('logs each outage once (lost, back) at warn/info, with no error lines or stack traces per request', async () => {
    const isBack = (line: Record<string, unknown>) => line.msg === 'database reachable again'
    // The child's output arrives through a pipe: give the last lines a moment.
    await waitFor(async () => logLines().filter(isBack).length >= 2, 5_000, 100)
    const lines = logLines()
    const lost = lines.filter((line) => line.msg === 'database unreachable: requests that need it answer 503 until it is back')
    const back = lines.filter(isBack)
    expect(lost).toHaveLength(2)
    expect(lost.every((line) => line.level === 40)).toBe(true)
    expect(back).toHaveLength(2)
    const errors = lines.filter((line) => Number(line.level) >= 50)
    expect(errors.map((line) => line.msg)).toEqual([])
    // The lines themselves, so that a failure shows which (the assertion is the same).
    expect(
      server
        .output()
        .split('\n')
        .filter((line) => /Failed query/.test(line)),
    ).toEqual([])
  })
})
