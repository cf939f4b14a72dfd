import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'

import { createAccountWithRole } from '../../helpers/accounts'
import { ensureProductionBuild } from '../../helpers/productionBuild'
import { bindTestQueue, deleteBrokerObjects, type TestQueue, uniqueExchange } from '../../helpers/rabbitmq'
import { connectedServerEnv, startServer, type RunningServer } from '../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../helpers/testDatabase'
import { closedWithin, createSocketTracker, type TestSocket } from '../../helpers/webSocketClient'

/**
 * Scale-out: two compiled app processes on different ports sharing one PostgreSQL database, the
 * shared Redis and RabbitMQ, as N replicas behind a load balancer would. A client may hit either
 * instance for any request: sessions, cache invalidation, WebSocket notifications and the event
 * relay must all behave as if there were one.
 */

const PASSWORD = 'correct-horse-battery'
const exchange = uniqueExchange('scale-out')

let database: TestDatabase
let a: RunningServer
let b: RunningServer
let queue: TestQueue
let adminToken: string
const sockets = createSocketTracker()

type Tokens = { accessToken: string; refreshToken: string; user: { id: number } }

const call = (server: RunningServer, method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}) =>
  fetch(`${server.url}/api${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })

const expectStatus = async (response: Response, status: number) => {
  expect(response.status, await response.clone().text()).toBe(status)
  return response
}

const signIn = async (server: RunningServer, email: string): Promise<Tokens> =>
  (await (await expectStatus(await call(server, 'POST', '/auth/login', { body: { email, password: PASSWORD } }), 200)).json()) as Tokens

const socketFor = async (server: RunningServer, token: string): Promise<TestSocket> => {
  const client = sockets.connect(server.port, `?token=${encodeURIComponent(token)}`)
  expect(await client.nextMessage()).toEqual({ type: 'ready' })
  return client
}

const anonymousRead = async (server: RunningServer, path: string) => {
  const response = await call(server, 'GET', path)
  return { status: response.status, cache: response.headers.get('x-cache'), body: (await response.json()) as Record<string, unknown> }
}

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('scale_out')
  queue = await bindTestQueue(exchange)
  const env = {
    ...connectedServerEnv({ databaseUrl: database.url, exchange }),
    // Every request comes from 127.0.0.1, and the counters live in the shared Redis.
    RATE_LIMIT_AUTH_PER_IP: '100000',
    RATE_LIMIT_AUTH_PER_ACCOUNT: '100000',
  }
  // One after the other: two Next starts at once on 2 cores only slow each other down.
  a = await startServer(env, { compiled: true })
  b = await startServer(env, { compiled: true })
  adminToken = (
    await createAccountWithRole({
      serverUrl: a.url,
      databaseUrl: database.url,
      email: 'scale-admin@example.com',
      password: PASSWORD,
      role: 'admin',
    })
  ).accessToken
}, 600_000)

afterAll(async () => {
  sockets.terminateAll()
  await Promise.all([a?.stop(), b?.stop()])
  await queue?.close()
  await deleteBrokerObjects({ exchanges: [exchange] })
  await database?.drop()
})

describe('two app instances behind one load balancer', () => {
  it('runs on different ports', () => {
    expect(a.port).not.toBe(b.port)
  })

  it('sessions: a session opened on one instance is honoured, refreshed and revoked on the other', async () => {
    const email = `scale-user-${Date.now()}@example.com`
    const registered = (await (
      await expectStatus(await call(a, 'POST', '/auth/register', { body: { email, password: PASSWORD, name: 'Scale User' } }), 201)
    ).json()) as Tokens

    const me = await expectStatus(await call(b, 'GET', '/users/me', { token: registered.accessToken }), 200)
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe(email)

    // Refresh on B rotates the pair, and A accepts the new access token.
    const refreshed = (await (
      await expectStatus(await call(b, 'POST', '/auth/refresh', { body: { refreshToken: registered.refreshToken } }), 200)
    ).json()) as Tokens
    await expectStatus(await call(a, 'GET', '/users/me', { token: refreshed.accessToken }), 200)

    // A second device signs in on A; B lists both sessions.
    const laptop = await signIn(a, email)
    const listed = (await (
      await expectStatus(await call(b, 'GET', '/auth/sessions', { token: laptop.accessToken }), 200)
    ).json()) as unknown[]
    expect(listed).toHaveLength(2)

    // Replaying the spent refresh token on A kills that session on B as well (reuse detection).
    expect((await call(a, 'POST', '/auth/refresh', { body: { refreshToken: registered.refreshToken } })).status).toBe(401)
    expect((await call(b, 'GET', '/users/me', { token: refreshed.accessToken })).status).toBe(401)

    // Logging out on B ends the laptop's session on A at once.
    await expectStatus(await call(b, 'GET', '/users/me', { token: laptop.accessToken }), 200)
    await expectStatus(await call(b, 'POST', '/auth/logout', { token: laptop.accessToken }), 204)
    expect((await call(a, 'GET', '/users/me', { token: laptop.accessToken })).status).toBe(401)
  })

  it('WebSocket: "log out everywhere" on one instance closes the sockets held by both', async () => {
    const email = `scale-ws-${Date.now()}@example.com`
    await expectStatus(await call(b, 'POST', '/auth/register', { body: { email, password: PASSWORD, name: 'Scale Socket' } }), 201)
    const phone = await signIn(a, email)
    const laptop = await signIn(b, email)
    const onA = await socketFor(a, phone.accessToken)
    const onB = await socketFor(b, laptop.accessToken)
    // Someone else's socket must hear nothing.
    const bystander = await socketFor(b, adminToken)

    await expectStatus(await call(a, 'POST', '/auth/logout-all', { token: phone.accessToken }), 204)

    for (const client of [onA, onB]) {
      expect(await closedWithin(client)).toEqual({ code: 4401, reason: 'session revoked' })
      expect(client.messages).toEqual([{ type: 'ready' }, { type: 'session.revoked', reason: 'logout-all' }])
    }
    for (const server of [a, b]) {
      expect((await call(server, 'GET', '/users/me', { token: laptop.accessToken })).status).toBe(401)
      expect((await call(server, 'GET', '/users/me', { token: phone.accessToken })).status).toBe(401)
    }
    bystander.socket.send(JSON.stringify({ type: 'ping' }))
    expect(await bystander.nextMessage()).toEqual({ type: 'pong' })
    expect(bystander.socket.readyState).toBe(WebSocket.OPEN)
    bystander.socket.close()
    await closedWithin(bystander)
  })

  it('cache: a write through one instance is visible at once through the other, which had it cached', async () => {
    const created = (await (
      await expectStatus(await call(a, 'POST', '/anime', { token: adminToken, body: { title: 'Twin Engines', _status: 'published' } }), 201)
    ).json()) as { doc: { id: number } }
    const path = `/anime/${created.doc.id}`
    expect(await anonymousRead(b, path)).toMatchObject({ status: 200, cache: 'MISS' })
    expect(await anonymousRead(a, path)).toMatchObject({ status: 200, cache: 'HIT' })
    expect(await anonymousRead(b, path)).toMatchObject({ status: 200, cache: 'HIT' })

    await expectStatus(await call(a, 'PATCH', path, { token: adminToken, body: { title: 'Twin Engines II' } }), 200)
    for (const server of [b, a]) expect((await anonymousRead(server, path)).body.title).toBe('Twin Engines II')

    await expectStatus(await call(b, 'DELETE', path, { token: adminToken }), 200)
    for (const server of [a, b]) expect((await anonymousRead(server, path)).status).toBe(404)
  })

  it('events: both instances relay the one outbox, and each event reaches the broker once', async () => {
    const before = queue.messages.length
    const names = ['Scale Mecha', 'Scale Drama', 'Scale Comedy', 'Scale Sports']
    for (const [index, name] of names.entries()) {
      await expectStatus(await call(index % 2 ? b : a, 'POST', '/genres', { token: adminToken, body: { name } }), 201)
    }
    const genreEvents = () => queue.messages.slice(before).filter((message) => message.routingKey === 'genres.created')
    await queue.waitForCount(before + names.length, 30_000)
    // Time for a duplicate, if one of the relays were to publish a row the other already sent.
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    const ids = genreEvents().map((message) => message.properties.messageId)
    expect(ids).toHaveLength(names.length)
    expect(new Set(ids).size).toBe(names.length)
  })
})
