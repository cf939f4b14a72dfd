import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'

import { ensureProductionBuild } from '../../../helpers/productionBuild'
import { startServer, TEST_SECRET, type RunningServer } from '../../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'
import { closedWithin, createSocketTracker, opened, type TestSocket } from '../../../helpers/webSocketClient'
import { REDIS_URL } from '../../../helpers/redis'

/**
 * Two compiled server processes, one database, the shared Redis: a revocation on one instance must
 * reach the sockets held by the other. Nothing is mocked.
 */

const PASSWORD = 'correct-horse-battery'

let database: TestDatabase
let first: RunningServer
let second: RunningServer
const sockets = createSocketTracker()
const connect = (server: RunningServer, query = ''): TestSocket => sockets.connect(server.port, query)

/** A socket authenticated with the token in the query string. */
const connectWithQueryToken = async (server: RunningServer, token: string): Promise<TestSocket> => {
  const client = connect(server, `?token=${encodeURIComponent(token)}`)
  expect(await client.nextMessage()).toEqual({ type: 'ready' })
  return client
}

/** A socket authenticated by its first message. */
const connectWithAuthMessage = async (server: RunningServer, token: string): Promise<TestSocket> => {
  const client = connect(server)
  await opened(client.socket)
  client.socket.send(JSON.stringify({ type: 'auth', token }))
  expect(await client.nextMessage()).toEqual({ type: 'ready' })
  return client
}

const post = (server: RunningServer, path: string, init: { body?: unknown; token?: string }) =>
  fetch(`${server.url}/api${path}`, {
    method: 'POST',
    headers: {
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  })

type TokenPair = { accessToken: string; user: { id: number } }

const signIn = async (server: RunningServer, path: '/auth/register' | '/auth/login', body: unknown): Promise<TokenPair> => {
  const response = await post(server, path, { body })
  if (response.status !== (path === '/auth/register' ? 201 : 200)) {
    throw new Error(`${path}: ${response.status} ${await response.text()}`)
  }
  return (await response.json()) as TokenPair
}

const stamp = Date.now()
const emailA = `ws-a-${stamp}@example.com`
const emailB = `ws-b-${stamp}@example.com`
let registeredA: TokenPair
let registeredB: TokenPair

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('websocket')
  const env = {
    SECRET_KEY: TEST_SECRET,
    DATABASE_URL: database.url,
    REDIS_URL,
    // Every request comes from 127.0.0.1, and the counters live in the shared Redis.
    RATE_LIMIT_AUTH_PER_IP: '100000',
    RATE_LIMIT_AUTH_PER_ACCOUNT: '100000',
  }
  // One after the other: two Next starts at once on 2 cores only slow each other down.
  first = await startServer(env, { compiled: true })
  second = await startServer(env, { compiled: true })
  registeredA = await signIn(first, '/auth/register', { email: emailA, password: PASSWORD, name: 'Socket A' })
  registeredB = await signIn(second, '/auth/register', { email: emailB, password: PASSWORD, name: 'Socket B' })
}, 600_000)

afterAll(async () => {
  sockets.terminateAll()
  await Promise.all([first?.stop(), second?.stop()])
  await database?.drop()
})

describe('/ws authentication', () => {
  it('closes a socket without a token, with a garbage token or with a bad auth message with 4401', async () => {
    const noToken = connect(first)
    await opened(noToken.socket)
    noToken.socket.send(JSON.stringify({ type: 'hello' }))
    expect((await closedWithin(noToken)).code).toBe(4401)

    const garbageQuery = connect(first, '?token=not-a-jwt')
    expect((await closedWithin(garbageQuery)).code).toBe(4401)

    const garbageMessage = connect(second)
    await opened(garbageMessage.socket)
    garbageMessage.socket.send(JSON.stringify({ type: 'auth', token: 'not-a-jwt' }))
    expect((await closedWithin(garbageMessage)).code).toBe(4401)

    const notJson = connect(second)
    await opened(notJson.socket)
    notJson.socket.send('{auth')
    expect((await closedWithin(notJson)).code).toBe(4401)

    for (const client of [noToken, garbageQuery, garbageMessage, notJson]) expect(client.messages).toEqual([])
  })

  it('closes a socket that sends no auth message within 5 s with 4401', async () => {
    const silent = connect(first)
    await opened(silent.socket)
    const startedAt = Date.now()
    const closed = await closedWithin(silent, 15_000)
    expect(closed.code).toBe(4401)
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(4_000)
    expect(silent.messages).toEqual([])
  })

  it('answers an application ping once authenticated', async () => {
    const client = await connectWithQueryToken(first, registeredB.accessToken)
    client.socket.send(JSON.stringify({ type: 'ping' }))
    expect(await client.nextMessage()).toEqual({ type: 'pong' })
    client.socket.close()
    await closedWithin(client)
  })
})

describe('session revocation across instances', () => {
  it('logout closes only the sockets of that session, on both instances', async () => {
    const leaving = await signIn(second, '/auth/login', { email: emailA, password: PASSWORD })
    const staying = await signIn(first, '/auth/login', { email: emailA, password: PASSWORD })
    const leavingOnFirst = await connectWithQueryToken(first, leaving.accessToken)
    const leavingOnSecond = await connectWithAuthMessage(second, leaving.accessToken)
    const stayingOnFirst = await connectWithAuthMessage(first, staying.accessToken)

    expect((await post(second, '/auth/logout', { token: leaving.accessToken })).status).toBe(204)

    for (const client of [leavingOnFirst, leavingOnSecond]) {
      expect(await closedWithin(client)).toEqual({ code: 4401, reason: 'session revoked' })
      expect(client.messages).toEqual([{ type: 'ready' }, { type: 'session.revoked', reason: 'logout' }])
    }
    stayingOnFirst.socket.send(JSON.stringify({ type: 'ping' }))
    expect(await stayingOnFirst.nextMessage()).toEqual({ type: 'pong' })
    expect(stayingOnFirst.socket.readyState).toBe(WebSocket.OPEN)

    // The revoked token cannot open a new socket either.
    const again = connect(first, `?token=${encodeURIComponent(leaving.accessToken)}`)
    expect((await closedWithin(again)).code).toBe(4401)

    stayingOnFirst.socket.close()
    await closedWithin(stayingOnFirst)
  })

  it("logout-all closes every socket of the user on both instances and leaves other users' open", async () => {
    const loggedIn = await signIn(second, '/auth/login', { email: emailA, password: PASSWORD })
    const aOnFirst = await connectWithQueryToken(first, registeredA.accessToken)
    const aOnSecond = await connectWithAuthMessage(second, loggedIn.accessToken)
    const bOnSecond = await connectWithQueryToken(second, registeredB.accessToken)

    expect((await post(first, '/auth/logout-all', { token: registeredA.accessToken })).status).toBe(204)

    for (const client of [aOnFirst, aOnSecond]) {
      expect(await closedWithin(client)).toEqual({ code: 4401, reason: 'session revoked' })
      expect(client.messages).toEqual([{ type: 'ready' }, { type: 'session.revoked', reason: 'logout-all' }])
    }

    // B heard nothing and still answers.
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(bOnSecond.socket.readyState).toBe(WebSocket.OPEN)
    bOnSecond.socket.send(JSON.stringify({ type: 'ping' }))
    expect(await bOnSecond.nextMessage()).toEqual({ type: 'pong' })
    expect(bOnSecond.messages).toEqual([{ type: 'ready' }, { type: 'pong' }])

    bOnSecond.socket.close()
    await closedWithin(bOnSecond)
  })
})
