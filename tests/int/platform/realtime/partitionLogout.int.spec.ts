import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'

import { ensureProductionBuild } from '../../../helpers/productionBuild'
import { REDIS_PORT, REDIS_URL } from '../../../helpers/redis'
import { startServer, TEST_SECRET, type RunningServer } from '../../../helpers/serverProcess'
import { startTcpProxy, type TcpProxy } from '../../../helpers/tcpProxy'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'
import { closedWithin, createSocketTracker, type TestSocket } from '../../../helpers/webSocketClient'

/**
 * "Log out everywhere" while one instance's Redis link is down (issue 17, item 6). Instance A
 * reaches the shared Redis through a TCP proxy the test cuts or blackholes, B directly. A
 * logout-all made through either instance during the outage must close every socket of that user
 * on both instances once the link is back; a bystander's sockets stay open. The periodic re-check
 * is set far beyond the test, so what closes the sockets is the reconnect path.
 */

const PASSWORD = 'partition-password'
/** From the proxy's restore to every affected socket closed. */
const CLOSE_BOUND_MS = 10_000

let database: TestDatabase
let proxy: TcpProxy
let a: RunningServer
let b: RunningServer
const sockets = createSocketTracker()

const call = (server: RunningServer, method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}) =>
  fetch(`${server.url}/api${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

/** A new user with a session; signed up through B, whose Redis link is never touched. */
const newUser = async (label: string): Promise<string> => {
  const response = await call(b, 'POST', '/auth/register', {
    body: { email: `${label}-${Date.now()}@example.com`, password: PASSWORD, name: label },
  })
  expect(response.status, await response.clone().text()).toBe(201)
  return ((await response.json()) as { accessToken: string }).accessToken
}

const socketFor = async (server: RunningServer, token: string): Promise<TestSocket> => {
  const client = sockets.connect(server.port, `?token=${encodeURIComponent(token)}`)
  expect(await client.nextMessage()).toEqual({ type: 'ready' })
  return client
}

const stillOpen = async (client: TestSocket) => {
  client.socket.send(JSON.stringify({ type: 'ping' }))
  expect(await client.nextMessage()).toEqual({ type: 'pong' })
  expect(client.socket.readyState).toBe(WebSocket.OPEN)
}

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('ws-partition')
  proxy = await startTcpProxy(REDIS_PORT)
  const env = {
    SECRET_KEY: TEST_SECRET,
    DATABASE_URL: database.url,
    WS_SESSION_RECHECK_MS: '3600000',
    RATE_LIMIT_AUTH_PER_IP: '100000',
    RATE_LIMIT_AUTH_PER_ACCOUNT: '100000',
  }
  a = await startServer({ ...env, REDIS_URL: `redis://127.0.0.1:${proxy.port}` }, { compiled: true })
  b = await startServer({ ...env, REDIS_URL }, { compiled: true })
}, 600_000)

afterAll(async () => {
  sockets.terminateAll()
  await Promise.all([a?.stop(), b?.stop()])
  await proxy?.close()
  await database?.drop()
})

describe.each([
  { fault: 'cut', inject: () => proxy.cut() },
  { fault: 'blackhole', inject: () => proxy.blackhole() },
])('logout-all while A’s Redis link is down ($fault)', ({ inject }) => {
  it('closes the user’s sockets on both instances once the link is back, through whichever instance it was made', async () => {
    const viaA = await newUser('via-a')
    const viaB = await newUser('via-b')
    const bystander = await newUser('bystander')
    const revoked = [await socketFor(a, viaA), await socketFor(b, viaA), await socketFor(a, viaB), await socketFor(b, viaB)]
    const untouched = [await socketFor(a, bystander), await socketFor(b, bystander)]

    inject()
    // Neither is refused nor lost: the session rows are gone at once.
    expect((await call(a, 'POST', '/auth/logout-all', { token: viaA })).status).toBe(204)
    expect((await call(b, 'POST', '/auth/logout-all', { token: viaB })).status).toBe(204)
    for (const server of [a, b])
      for (const token of [viaA, viaB]) expect((await call(server, 'GET', '/users/me', { token })).status).toBe(401)

    // Let the outage last a little beyond the publishers' own retries.
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    proxy.restore()
    const restoredAt = Date.now()
    for (const client of revoked) {
      expect(await closedWithin(client, CLOSE_BOUND_MS - (Date.now() - restoredAt))).toEqual({ code: 4401, reason: 'session revoked' })
      expect(client.messages[1]).toMatchObject({ type: 'session.revoked' })
    }
    for (const client of untouched) await stillOpen(client)
    for (const client of untouched) client.socket.close()
  })
})
