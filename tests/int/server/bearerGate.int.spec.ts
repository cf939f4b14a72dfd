import jwt from 'jsonwebtoken'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureProductionBuild } from '../../helpers/productionBuild'
import { createApiCaller } from '../../helpers/apiCaller'
import { startServer, TEST_SECRET, type RunningServer } from '../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../helpers/testDatabase'

/**
 * Through the real server: a request carrying a bad, expired or revoked token gets 401 on every
 * /api route (Payload alone would treat it as anonymous), and the client cannot choose its IP.
 */

let database: TestDatabase
let server: RunningServer

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('bearer-gate')
  server = await startServer({ SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url, RATE_LIMIT_AUTH_PER_IP: '12' }, { compiled: true })
})

afterAll(async () => {
  await server?.stop()
  await database?.drop()
})

const api = createApiCaller(() => server.url)

const graphqlMe = (token: string) => api('/graphql', { method: 'POST', token, json: { query: '{ meUser { user { email } } }' } })

type Pair = { accessToken: string; refreshToken: string; user: { id: number } }

describe('the token gate in server.ts', () => {
  let pair: Pair

  it('lets a valid access token through to REST and GraphQL', async () => {
    const registered = await api('/auth/register', {
      method: 'POST',
      json: { email: 'gate@example.com', password: 'gate-password', name: 'Gate' },
    })
    expect(registered.status).toBe(201)
    pair = (await registered.json()) as Pair

    const me = await api('/users/me', { token: pair.accessToken })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('gate@example.com')
    expect(await (await graphqlMe(pair.accessToken)).json()).toEqual({ data: { meUser: { user: { email: 'gate@example.com' } } } })

    // Payload's own token (as the admin panel gets it) passes too, with Bearer or JWT.
    const payloadLogin = await api('/users/login', { method: 'POST', json: { email: 'gate@example.com', password: 'gate-password' } })
    const { token } = (await payloadLogin.json()) as { token: string }
    expect((await api('/users/me', { headers: { Authorization: `JWT ${token}` } })).status).toBe(200)
    expect((await api('/users/me', { token })).status).toBe(200)
  })

  it('answers 401 for alg none, a forged signature, an expired token and garbage', async () => {
    const claims = jwt.decode(pair.accessToken) as jwt.JwtPayload
    const { iat: _iat, exp: _exp, ...rest } = claims
    const bad = [
      jwt.sign(rest, '', { algorithm: 'none' }),
      jwt.sign(rest, 'not-the-secret-not-the-secret-not-the', { algorithm: 'HS256' }),
      jwt.sign({ ...rest, exp: Math.floor(Date.now() / 1000) - 5 }, TEST_SECRET, { algorithm: 'HS256' }),
      'garbage',
    ]
    for (const token of bad) {
      const rest401 = await api('/users/me', { token })
      expect(rest401.status).toBe(401)
      expect(rest401.headers.get('www-authenticate')).toMatch(/Bearer/)
      expect((await graphqlMe(token)).status).toBe(401)
      expect((await api('/users', { token })).status).toBe(401)
    }
  })

  it('answers 401 on the next request once the session is logged out', async () => {
    expect((await api('/auth/logout', { method: 'POST', token: pair.accessToken })).status).toBe(204)
    expect((await api('/users/me', { token: pair.accessToken })).status).toBe(401)
    expect((await graphqlMe(pair.accessToken)).status).toBe(401)
    expect((await api('/auth/refresh', { method: 'POST', json: { refreshToken: pair.refreshToken } })).status).toBe(401)
  })

  it('ignores a client-supplied IP header: the rate limit follows the socket address', async () => {
    const statuses: number[] = []
    for (let attempt = 0; attempt < 16; attempt += 1) {
      const response = await api('/auth/login', {
        method: 'POST',
        json: { email: `nobody${attempt}@example.com`, password: 'whatever-password' },
        headers: { 'x-cms-client-ip': `spoofed-${attempt}`, 'X-Forwarded-For': `10.0.0.${attempt}` },
      })
      statuses.push(response.status)
    }
    // 12 per minute from 127.0.0.1, including the earlier tests' calls to /api/auth/*.
    expect(statuses).toContain(429)
    expect(statuses.filter((status) => status === 401).length).toBeLessThan(12)
  })
})
