import jwt from 'jsonwebtoken'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAccountWithRole } from '../../helpers/accounts'
import { ensureProductionBuild } from '../../helpers/productionBuild'
import { REDIS_URL } from '../../helpers/redis'
import { startServer, TEST_SECRET, type RunningServer } from '../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../helpers/testDatabase'

/**
 * The token gate remembers a live session for SESSION_VERDICT_TTL_MS instead of asking PostgreSQL
 * on every request. Two compiled instances sharing PostgreSQL and Redis, with a TTL long enough
 * that only the session events can explain a prompt 401: a session ended on one instance (logout,
 * logout-all, revoke, Payload's own logout) is refused at once there and within a bound on the
 * other; expired and forged tokens stay 401; plain users are served from the shared cache entry
 * and staff never are.
 */

const TTL_MS = 8_000
/** How long the other instance may take to hear a revocation through Redis (well under TTL_MS). */
const OTHER_INSTANCE_BOUND_MS = 1_500
const PASSWORD = 'verdict-password-long'

let database: TestDatabase
let a: RunningServer
let b: RunningServer

type Pair = { accessToken: string; refreshToken: string; user: { id: number } }

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` })

const get = async (server: RunningServer, path: string, token?: string) => {
  const response = await fetch(`${server.url}${path}`, { headers: token ? bearer(token) : {} })
  await response.arrayBuffer()
  return { status: response.status, cache: response.headers.get('x-cache'), cacheControl: response.headers.get('cache-control') }
}

let fresh = 0
const listPath = () => `/api/anime?limit=5&sort=title&verdicts=${++fresh}`

const register = async (email: string): Promise<Pair> => {
  const response = await fetch(`${a.url}/api/auth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, name: email.split('@')[0] }),
  })
  expect(response.status, await response.clone().text()).toBe(201)
  return (await response.json()) as Pair
}

const signIn = async (server: RunningServer, email: string): Promise<Pair> => {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  expect(response.status, await response.clone().text()).toBe(200)
  return (await response.json()) as Pair
}

const post = async (server: RunningServer, path: string, token: string, method = 'POST') => {
  const response = await fetch(`${server.url}${path}`, { method, headers: bearer(token) })
  await response.arrayBuffer()
  return response.status
}

const sidOf = (token: string) => (jwt.decode(token) as { sid: string }).sid

/** A shared read both instances answer with 200 for the token, twice (the second from the remembered verdict). */
const expectAcceptedEverywhere = async (path: string, ...tokens: string[]) => {
  for (const server of [a, b]) {
    for (const token of tokens) {
      for (let i = 0; i < 2; i++) expect((await get(server, path, token)).status).toBe(200)
    }
  }
}

/** Milliseconds until `server` refuses the token (401), or Infinity after `boundMs`. */
const msUntilRefused = async (server: RunningServer, path: string, token: string, boundMs: number): Promise<number> => {
  const started = performance.now()
  while (performance.now() - started <= boundMs) {
    if ((await get(server, path, token)).status === 401) return performance.now() - started
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return Infinity
}

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('session_verdicts')
  const env = {
    SECRET_KEY: TEST_SECRET,
    DATABASE_URL: database.url,
    REDIS_URL,
    SESSION_VERDICT_TTL_MS: String(TTL_MS),
    RATE_LIMIT_AUTH_PER_IP: '100000',
    RATE_LIMIT_AUTH_PER_ACCOUNT: '100000',
  }
  // One after the other: two Next starts at once on 2 cores only slow each other down.
  a = await startServer(env, { compiled: true })
  b = await startServer(env, { compiled: true })
})

afterAll(async () => {
  await a?.stop()
  await b?.stop()
  await database?.drop()
})

describe('remembered session verdicts', () => {
  it('are remembered: a session removed behind the events is still taken until the TTL, then refused', async () => {
    const pair = await register('verdict-remembered@example.com')
    const path = listPath()
    await expectAcceptedEverywhere(path, pair.accessToken)
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    try {
      await client.query(`DELETE FROM users_sessions WHERE id = $1`, [sidOf(pair.accessToken)])
    } finally {
      await client.end()
    }
    // No event told the instances: the remembered verdict answers (this is what saves the query).
    expect(await get(a, path, pair.accessToken)).toMatchObject({ status: 200, cache: 'HIT' })
    // ... for TTL_MS at most.
    expect(await msUntilRefused(a, path, pair.accessToken, TTL_MS + 1_000)).toBeLessThan(Infinity)
  })

  it('serve a plain user from the shared entry on both instances, and never staff', async () => {
    const user = await register('verdict-user@example.com')
    const editor = await createAccountWithRole({
      serverUrl: a.url,
      databaseUrl: database.url,
      email: 'verdict-editor@example.com',
      password: PASSWORD,
      role: 'editor',
    })
    const path = listPath()
    expect((await get(a, path)).cache).toBe('MISS')
    for (const server of [a, b]) {
      for (let i = 0; i < 3; i++) {
        expect(await get(server, path, user.accessToken)).toMatchObject({ status: 200, cache: 'HIT' })
        expect(await get(server, path, editor.accessToken)).toMatchObject({ status: 200, cache: null, cacheControl: 'private, no-store' })
      }
    }
  })

  it('refuse a logged-out token at once on the instance that logged it out, and soon on the other', async () => {
    const pair = await register('verdict-logout@example.com')
    const path = listPath()
    await expectAcceptedEverywhere(path, pair.accessToken)
    expect(await post(a, '/api/auth/logout', pair.accessToken)).toBe(204)
    expect((await get(a, path, pair.accessToken)).status).toBe(401)
    expect(await msUntilRefused(b, path, pair.accessToken, OTHER_INSTANCE_BOUND_MS)).toBeLessThan(Infinity)
  })

  it('refuse every session of a user after logout-all, on both instances', async () => {
    await register('verdict-all@example.com')
    const first = await signIn(a, 'verdict-all@example.com')
    const second = await signIn(b, 'verdict-all@example.com')
    const path = listPath()
    await expectAcceptedEverywhere(path, first.accessToken, second.accessToken)
    expect(await post(b, '/api/auth/logout-all', first.accessToken)).toBe(204)
    expect((await get(b, path, first.accessToken)).status).toBe(401)
    expect((await get(b, path, second.accessToken)).status).toBe(401)
    expect(await msUntilRefused(a, path, first.accessToken, OTHER_INSTANCE_BOUND_MS)).toBeLessThan(Infinity)
    expect(await msUntilRefused(a, path, second.accessToken, OTHER_INSTANCE_BOUND_MS)).toBeLessThan(Infinity)
  })

  it('refuse a revoked session at once, and keep the others', async () => {
    await register('verdict-revoke@example.com')
    const kept = await signIn(a, 'verdict-revoke@example.com')
    const revoked = await signIn(a, 'verdict-revoke@example.com')
    const path = listPath()
    await expectAcceptedEverywhere(path, kept.accessToken, revoked.accessToken)
    expect(await post(a, `/api/auth/sessions/${sidOf(revoked.accessToken)}`, kept.accessToken, 'DELETE')).toBe(204)
    expect((await get(a, path, revoked.accessToken)).status).toBe(401)
    expect(await msUntilRefused(b, path, revoked.accessToken, OTHER_INSTANCE_BOUND_MS)).toBeLessThan(Infinity)
    for (const server of [a, b]) expect(await get(server, path, kept.accessToken)).toMatchObject({ status: 200, cache: 'HIT' })
  })

  it("refuse a token at once after Payload's own logout (its event is published inside the transaction)", async () => {
    const pair = await register('verdict-payload-logout@example.com')
    const path = listPath()
    await expectAcceptedEverywhere(path, pair.accessToken)
    expect(await post(a, '/api/users/logout', pair.accessToken)).toBe(200)
    expect((await get(a, path, pair.accessToken)).status).toBe(401)
    expect(await msUntilRefused(b, path, pair.accessToken, OTHER_INSTANCE_BOUND_MS)).toBeLessThan(Infinity)
  })

  it('refuse expired and forged tokens of a remembered session', async () => {
    const pair = await register('verdict-expired@example.com')
    const path = listPath()
    await expectAcceptedEverywhere(path, pair.accessToken)
    const claims = jwt.decode(pair.accessToken) as jwt.JwtPayload
    const { iat: _iat, exp: _exp, ...rest } = claims
    const expired = jwt.sign({ ...rest, exp: Math.floor(Date.now() / 1000) - 5 }, TEST_SECRET, { algorithm: 'HS256' })
    const forged = jwt.sign(rest, 'not-the-secret-not-the-secret-not-the', { algorithm: 'HS256', expiresIn: 600 })
    for (const server of [a, b]) {
      expect((await get(server, path, expired)).status).toBe(401)
      expect((await get(server, path, forged)).status).toBe(401)
      expect((await get(server, path, pair.accessToken)).status).toBe(200)
    }
    // A remembered verdict ends with its token, TTL or not.
    const shortLived = jwt.sign({ ...rest, exp: Math.floor(Date.now() / 1000) + 2 }, TEST_SECRET, { algorithm: 'HS256' })
    expect((await get(a, path, shortLived)).status).toBe(200)
    expect((await get(a, path, shortLived)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 3_100))
    expect((await get(a, path, shortLived)).status).toBe(401)
  })
})
