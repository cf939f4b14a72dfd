import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'

import { createAccountWithRole } from '../../../helpers/accounts'
import { openEventStream, type EventStreamClient } from '../../../helpers/eventStream'
import { ensureProductionBuild } from '../../../helpers/productionBuild'
import { deleteBrokerObjects, uniqueExchange } from '../../../helpers/rabbitmq'
import { connectedServerEnv, startServer, type RunningServer } from '../../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'
import { closedWithin, createSocketTracker, type Message, type TestSocket } from '../../../helpers/webSocketClient'

/**
 * Content subscriptions (issue 16) on two compiled instances sharing PostgreSQL, Redis and
 * RabbitMQ: changes are made through one instance and heard on the other, over `/ws` and
 * `GET /api/realtime`, with the subscriber's access.
 */

const PASSWORD = 'correct-horse-battery'
const exchange = uniqueExchange('realtime')
const sockets = createSocketTracker()
const streams: EventStreamClient[] = []

let database: TestDatabase
let a: RunningServer
let b: RunningServer
let admin: { id: number; accessToken: string }
let alice: { id: number; accessToken: string }
let bob: { id: number; accessToken: string }

const MAX_SUBSCRIPTIONS = 6
const MAX_CONNECTIONS = 4
/** Quiet periods: the relay polls every 100 ms, so a change arrives well within this. */
const QUIET_MS = 2_000

const call = async (server: RunningServer, method: string, path: string, { token, body }: { token?: string; body?: unknown } = {}) => {
  const response = await fetch(`${server.url}/api${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${text}`)
  return text ? (JSON.parse(text) as Record<string, unknown>) : {}
}

const createAnime = async (server: RunningServer, data: Record<string, unknown>) =>
  (await call(server, 'POST', '/anime', { token: admin.accessToken, body: data })).doc as { id: number }

const updateAnime = (server: RunningServer, id: number, data: Record<string, unknown>, query = '') =>
  call(server, 'PATCH', `/anime/${id}${query}`, { token: admin.accessToken, body: data })

const signIn = async (server: RunningServer, email: string) =>
  (await call(server, 'POST', '/auth/login', { body: { email, password: PASSWORD } })) as { accessToken: string }

const socketFor = async (server: RunningServer, token: string): Promise<TestSocket> => {
  const client = sockets.connect(server.port, `?token=${encodeURIComponent(token)}`)
  expect(await client.nextMessage()).toEqual({ type: 'ready' })
  return client
}

const subscribe = async (client: TestSocket, message: Record<string, unknown>): Promise<Message> => {
  client.socket.send(JSON.stringify({ type: 'subscribe', ...message }))
  return client.nextMessage()
}

/** Waits for the next change on `client` about the document `docId` (of subscription `id`), skipping others. */
const nextChangeOf = async (client: TestSocket, docId: number | string, id?: string): Promise<Message> => {
  for (;;) {
    const message = await client.nextMessage()
    if (
      message.type === 'change' &&
      String((message.doc as { id: unknown }).id) === String(docId) &&
      (id === undefined || message.id === id)
    )
      return message
  }
}

/** Polls `check` until it holds or `ms` pass. */
const until = async (check: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
}

/** Every message that arrives within `ms`. */
const messagesWithin = async (client: TestSocket, ms = QUIET_MS): Promise<Message[]> => {
  const before = client.messages.length
  await new Promise((resolve) => setTimeout(resolve, ms))
  return client.messages.slice(before)
}

const changesAbout = (messages: Message[], docId: number | string) =>
  messages.filter((message) => message.type === 'change' && String((message.doc as { id: unknown }).id) === String(docId))

const stream = async (server: RunningServer, query: string, headers: Record<string, string> = {}) => {
  const opened = await openEventStream(`${server.url}/api/realtime?${query}`, headers)
  streams.push(opened)
  return opened
}

const dataOf = (event: { data: string }) => JSON.parse(event.data) as Message

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('realtime')
  const env = {
    ...connectedServerEnv({ databaseUrl: database.url, exchange }),
    RATE_LIMIT_AUTH_PER_IP: '100000',
    RATE_LIMIT_AUTH_PER_ACCOUNT: '100000',
    REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET: String(MAX_SUBSCRIPTIONS),
    REALTIME_MAX_CONNECTIONS_PER_USER: String(MAX_CONNECTIONS),
    REALTIME_MAX_BUFFERED_BYTES: String(256 * 1024),
  }
  a = await startServer(env, { compiled: true })
  b = await startServer(env, { compiled: true })
  const account = (label: string, role: 'admin' | 'user') =>
    createAccountWithRole({ serverUrl: a.url, databaseUrl: database.url, email: `rt-${label}@example.com`, password: PASSWORD, role })
  admin = await account('admin', 'admin')
  alice = await account('alice', 'user')
  bob = await account('bob', 'user')
}, 600_000)

afterAll(async () => {
  sockets.terminateAll()
  for (const opened of streams) opened.close()
  await Promise.all([a?.stop(), b?.stop()])
  await deleteBrokerObjects({ exchanges: [exchange] })
  await database?.drop()
})

describe('WebSocket subscriptions', () => {
  it('subscribe: a change made through instance B reaches a subscriber on A, as REST shows it; unsubscribe ends it', async () => {
    const client = await socketFor(a, alice.accessToken)
    expect(await subscribe(client, { id: 'all-anime', collection: 'anime' })).toEqual({ type: 'subscribed', id: 'all-anime' })

    const created = await createAnime(b, { title: 'Cowboy Bebop', kind: 'tv', year: 1998, _status: 'published' })
    const change = await nextChangeOf(client, created.id)
    expect(change).toMatchObject({
      type: 'change',
      id: 'all-anime',
      event: 'create',
      doc: { id: created.id, title: 'Cowboy Bebop', year: 1998 },
    })
    // Exactly what alice reads over REST (depth 0).
    const rest = await call(a, 'GET', `/anime/${created.id}?depth=0`, { token: alice.accessToken })
    expect(change.doc).toEqual(rest)

    await updateAnime(a, created.id, { year: 1999 })
    expect(await nextChangeOf(client, created.id)).toMatchObject({ event: 'update', doc: { id: created.id, year: 1999 } })

    client.socket.send(JSON.stringify({ type: 'unsubscribe', id: 'all-anime' }))
    expect(await client.nextMessage()).toEqual({ type: 'unsubscribed', id: 'all-anime' })
    await updateAnime(b, created.id, { year: 2000 })
    expect(changesAbout(await messagesWithin(client), created.id)).toEqual([])
    client.socket.close()
  })

  it('each change once per subscription, in commit order per document; a delete carries the id only', async () => {
    const client = await socketFor(b, alice.accessToken)
    expect(await subscribe(client, { id: 'two', collection: 'anime' })).toEqual({ type: 'subscribed', id: 'two' })
    const created = await createAnime(a, { title: 'Order', kind: 'tv', year: 2001, _status: 'published' })
    // The creation has been told: what follows is only the updates and the delete.
    await nextChangeOf(client, created.id, 'two')
    expect(await subscribe(client, { id: 'one', collection: 'anime', doc: created.id })).toEqual({ type: 'subscribed', id: 'one' })
    const from = client.messages.length
    for (const year of [2002, 2003, 2004]) await updateAnime(year % 2 ? a : b, created.id, { year })
    // Deleted once the last update was read, so that read sees the document.
    await until(
      () =>
        changesAbout(client.messages.slice(from), created.id).filter((message) => (message.doc as { year?: number }).year === 2004)
          .length === 2,
    )
    await call(a, 'DELETE', `/anime/${created.id}`, { token: admin.accessToken })
    await messagesWithin(client, QUIET_MS)
    const messages = client.messages.slice(from)
    for (const id of ['one', 'two']) {
      const mine = changesAbout(messages, created.id).filter((message) => message.id === id)
      expect(mine.map((message) => message.event)).toEqual(['update', 'update', 'update', 'delete'])
      // Each read happens after the one before it: the years never go back.
      const years = mine.slice(0, 3).map((message) => (message.doc as { year: number }).year)
      expect([...years].sort()).toEqual(years)
      expect(years[2]).toBe(2004)
      expect(mine[3]!.doc).toEqual({ id: created.id })
    }
    client.socket.close()
  })

  it('where: only matching documents; one that stops matching arrives as a delete', async () => {
    const client = await socketFor(a, alice.accessToken)
    expect(await subscribe(client, { id: 'movies', collection: 'anime', where: { kind: { equals: 'movie' } } })).toEqual({
      type: 'subscribed',
      id: 'movies',
    })
    const movie = await createAnime(b, { title: 'Akira', kind: 'movie', _status: 'published' })
    const series = await createAnime(b, { title: 'Monster', kind: 'tv', _status: 'published' })
    expect(await nextChangeOf(client, movie.id)).toMatchObject({ id: 'movies', event: 'create', doc: { title: 'Akira' } })
    await updateAnime(b, movie.id, { kind: 'tv' })
    expect(await nextChangeOf(client, movie.id)).toEqual({ type: 'change', id: 'movies', event: 'delete', doc: { id: movie.id } })
    expect(changesAbout(client.messages, series.id)).toEqual([])
    client.socket.close()
  })

  it('refuses a bad subscription with an error naming the field, and caps subscriptions per socket', async () => {
    const client = await socketFor(a, alice.accessToken)
    expect(await subscribe(client, { id: 'x', collection: 'nope' })).toMatchObject({
      type: 'error',
      id: 'x',
      message: expect.stringMatching(/^collection: /),
    })
    expect(await subscribe(client, { id: 'x', collection: 'anime', where: { nope: { equals: 1 } } })).toMatchObject({
      type: 'error',
      id: 'x',
      message: expect.stringMatching(/^where: /),
    })
    expect(await subscribe(client, { id: 'x', collection: 'anime', doc: 'abc' })).toMatchObject({
      type: 'error',
      id: 'x',
      message: expect.stringMatching(/^doc: /),
    })
    expect(await subscribe(client, { id: 'x', collection: 'anime', locale: 'xx' })).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/^locale: /),
    })
    // The outbox and sessions are nobody's to read.
    expect(await subscribe(client, { id: 'x', collection: 'event-outbox' })).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/^collection: /),
    })
    for (let index = 0; index < MAX_SUBSCRIPTIONS; index++) {
      expect(await subscribe(client, { id: `s${index}`, collection: 'anime' })).toEqual({ type: 'subscribed', id: `s${index}` })
    }
    expect(await subscribe(client, { id: 's0', collection: 'anime' })).toMatchObject({
      type: 'error',
      message: expect.stringMatching(/already open/),
    })
    expect(await subscribe(client, { id: 'extra', collection: 'anime' })).toMatchObject({
      type: 'error',
      id: 'extra',
      message: expect.stringMatching(/Too many subscriptions/),
    })
    client.socket.close()
  })

  it('caps sockets per account (4429), and a socket without a valid token is closed with 4401 as before', async () => {
    const { accessToken } = await signIn(a, 'rt-bob@example.com')
    const open = [] as TestSocket[]
    for (let index = 0; index < MAX_CONNECTIONS; index++) open.push(await socketFor(index % 2 ? a : b, accessToken))
    // The cap is per instance: one more on A is refused once A holds the maximum.
    const onA = open.filter((_, index) => index % 2).length
    for (let index = onA; index < MAX_CONNECTIONS; index++) open.push(await socketFor(a, accessToken))
    const refused = sockets.connect(a.port, `?token=${encodeURIComponent(accessToken)}`)
    expect(await closedWithin(refused)).toEqual({ code: 4429, reason: 'too many connections' })
    for (const client of open) client.socket.close()

    const anonymous = sockets.connect(a.port, '?token=not-a-token')
    expect((await closedWithin(anonymous)).code).toBe(4401)
  })
})

describe('never leaks', () => {
  it('drafts and unpublished updates reach staff only; unpublishing arrives as a delete', async () => {
    const reader = await socketFor(a, alice.accessToken)
    const staff = await socketFor(b, admin.accessToken)
    const anonymous = await stream(b, 'collection=anime&id=anon')
    expect(anonymous.status).toBe(200)
    expect(await subscribe(reader, { id: 'r', collection: 'anime' })).toEqual({ type: 'subscribed', id: 'r' })
    expect(await subscribe(staff, { id: 's', collection: 'anime' })).toEqual({ type: 'subscribed', id: 's' })

    const draft = await createAnime(a, { title: 'Secret Draft', _status: 'draft' })
    expect(await nextChangeOf(staff, draft.id)).toMatchObject({ event: 'create', doc: { title: 'Secret Draft', _status: 'draft' } })

    await updateAnime(b, draft.id, { title: 'Now Public', _status: 'published' })
    expect(await nextChangeOf(reader, draft.id)).toMatchObject({ event: 'create', doc: { title: 'Now Public', _status: 'published' } })

    // A draft saved beside the published document: the public one did not change.
    await updateAnime(a, draft.id, { title: 'Unpublished Edit' }, '?draft=true')
    await updateAnime(a, draft.id, { _status: 'draft' })
    expect(await nextChangeOf(reader, draft.id)).toEqual({ type: 'change', id: 'r', event: 'delete', doc: { id: draft.id } })

    await until(() => anonymous.events.map(dataOf).filter((message) => (message.doc as { id: number }).id === draft.id).length >= 2)
    const seen = [...reader.messages, ...anonymous.events.map(dataOf)]
    expect(JSON.stringify(seen)).not.toMatch(/Secret Draft|Unpublished Edit/)
    const anonymousChanges = anonymous.events.map(dataOf).filter((message) => (message.doc as { id: number }).id === draft.id)
    expect(anonymousChanges.map((message) => message.event)).toEqual(['create', 'delete'])
    reader.socket.close()
    staff.socket.close()
    anonymous.close()
  })

  it("private lists reach their owner only; a public list made private arrives as a delete; others' favorites never", async () => {
    const watcher = await socketFor(a, alice.accessToken)
    const owner = await socketFor(a, bob.accessToken)
    expect(await subscribe(watcher, { id: 'lists', collection: 'lists' })).toEqual({ type: 'subscribed', id: 'lists' })
    expect(await subscribe(watcher, { id: 'favs', collection: 'favorites' })).toEqual({ type: 'subscribed', id: 'favs' })
    expect(await subscribe(owner, { id: 'lists', collection: 'lists' })).toEqual({ type: 'subscribed', id: 'lists' })
    expect(await subscribe(owner, { id: 'favs', collection: 'favorites' })).toEqual({ type: 'subscribed', id: 'favs' })

    const secret = (
      await call(b, 'POST', '/lists', { token: bob.accessToken, body: { name: 'My guilty pleasures', visibility: 'private' } })
    ).doc as { id: number }
    expect(await nextChangeOf(owner, secret.id, 'lists')).toMatchObject({ event: 'create', doc: { name: 'My guilty pleasures' } })

    const shared = (await call(b, 'POST', '/lists', { token: bob.accessToken, body: { name: 'Classics', visibility: 'public' } })).doc as {
      id: number
    }
    expect(await nextChangeOf(watcher, shared.id, 'lists')).toMatchObject({ event: 'create', doc: { id: shared.id } })
    await call(b, 'PATCH', `/lists/${shared.id}`, { token: bob.accessToken, body: { visibility: 'private' } })
    expect(await nextChangeOf(watcher, shared.id, 'lists')).toEqual({
      type: 'change',
      id: 'lists',
      event: 'delete',
      doc: { id: shared.id },
    })

    const anime = await createAnime(a, { title: 'Favorite Me', _status: 'published' })
    const favorite = (
      await call(b, 'POST', '/favorites', { token: bob.accessToken, body: { item: { relationTo: 'anime', value: anime.id } } })
    ).doc as { id: number }
    expect(await nextChangeOf(owner, favorite.id, 'favs')).toMatchObject({ id: 'favs', event: 'create' })

    const seen = await messagesWithin(watcher)
    const everything = [...watcher.messages, ...seen]
    expect(
      changesAbout(
        everything.filter((message) => message.id === 'lists'),
        secret.id,
      ),
    ).toEqual([])
    expect(everything.filter((message) => message.type === 'change' && message.id === 'favs')).toEqual([])
    expect(JSON.stringify(everything)).not.toMatch(/guilty pleasures/)
    watcher.socket.close()
    owner.socket.close()
  })

  it('a revoked session closes its socket with 4401, subscriptions and all', async () => {
    const session = await signIn(b, 'rt-alice@example.com')
    const client = await socketFor(a, session.accessToken)
    expect(await subscribe(client, { id: 'r', collection: 'anime' })).toEqual({ type: 'subscribed', id: 'r' })
    await call(b, 'POST', '/auth/logout', { token: session.accessToken })
    expect(await closedWithin(client)).toEqual({ code: 4401, reason: 'session revoked' })
  })
})

describe('slow consumers', () => {
  it('a client that stops reading is dropped with 4408 instead of buffered without bound', async () => {
    const client = await socketFor(a, admin.accessToken)
    const big = await createAnime(b, { title: 'Heavy', _status: 'published' })
    for (let index = 0; index < MAX_SUBSCRIPTIONS; index++) {
      expect(await subscribe(client, { id: `h${index}`, collection: 'anime', doc: big.id })).toEqual({
        type: 'subscribed',
        id: `h${index}`,
      })
    }
    // Stop reading: the kernel's buffers fill, then the server's.
    ;(client.socket as unknown as { _socket: { pause: () => void; resume: () => void } })._socket.pause()
    // About 60 KB per change message (alternative titles and the search text built from them).
    const altTitles = Array.from({ length: 100 }, (_, index) => ({ title: `${index} ${'x'.repeat(280)}` }))
    for (let round = 0; round < 40 && client.socket.readyState === WebSocket.OPEN; round++) {
      await updateAnime(b, big.id, { altTitles, year: 1950 + round })
    }
    ;(client.socket as unknown as { _socket: { resume: () => void } })._socket.resume()
    expect(await closedWithin(client, 30_000)).toEqual({ code: 4408, reason: 'slow consumer' })
  }, 120_000)
})

describe('Server-Sent Events', () => {
  it('anonymous: published changes as `event: change` with ids; Last-Event-ID resumes what was missed', async () => {
    const first = await stream(b, 'collection=anime&where[kind][equals]=ona')
    expect(first.status).toBe(200)
    expect(first.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const one = await createAnime(a, { title: 'Stream One', kind: 'ona', _status: 'published' })
    const event = await first.next()
    expect(event.event).toBe('change')
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(dataOf(event)).toMatchObject({ type: 'change', id: 'stream', event: 'create', doc: { id: one.id, title: 'Stream One' } })
    first.close()

    // Missed while disconnected; a change outside the filter is not replayed.
    const two = await createAnime(a, { title: 'Stream Two', kind: 'ona', _status: 'published' })
    await createAnime(b, { title: 'Not Ona', kind: 'tv', _status: 'published' })
    await updateAnime(b, one.id, { year: 2020 })
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS))

    // Resumed on the other instance: each instance keeps the same recent changes.
    const resumed = await stream(a, 'collection=anime&where[kind][equals]=ona', { 'Last-Event-ID': event.id! })
    const replayed = [dataOf(await resumed.next()), dataOf(await resumed.next())]
    expect(replayed.map((message) => [(message.doc as { id: number }).id, message.event])).toEqual([
      [two.id, 'create'],
      [one.id, 'update'],
    ])
    const three = await createAnime(b, { title: 'Stream Three', kind: 'ona', _status: 'published' })
    expect(dataOf(await resumed.next())).toMatchObject({ event: 'create', doc: { id: three.id } })
    resumed.close()

    // An id outside the window: the client is told to start over.
    const unknown = await stream(a, 'collection=anime', { 'Last-Event-ID': '00000000-0000-0000-0000-000000000000' })
    expect(await unknown.next()).toMatchObject({ event: 'reset' })
    unknown.close()
  })

  it('a bearer token is honoured as on REST; anonymous callers get only what they may read', async () => {
    const own = await stream(a, 'collection=lists', { Authorization: `Bearer ${bob.accessToken}` })
    expect(own.status).toBe(200)
    const list = (await call(b, 'POST', '/lists', { token: bob.accessToken, body: { name: 'Stream private', visibility: 'private' } }))
      .doc as { id: number }
    expect(dataOf(await own.next())).toMatchObject({ event: 'create', doc: { id: list.id, name: 'Stream private' } })
    own.close()

    const favorites = await stream(a, 'collection=favorites')
    expect(favorites.status).toBe(401)
    expect(JSON.parse(await favorites.text())).toMatchObject({ errors: [{ field: 'collection' }] })
    const invalid = await stream(a, 'collection=anime', { Authorization: 'Bearer not-a-token' })
    expect(invalid.status).toBe(401)
  })

  it('refuses bad parameters with 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['', 'collection'],
      ['collection=nope', 'collection'],
      ['collection=anime&where[nope][equals]=1', 'where'],
      ['collection=anime&where=not-json', 'where'],
      ['collection=anime&where[year][equals]=abc', 'where'],
      ['collection=anime&doc=abc', 'doc'],
      ['collection=anime&locale=xx', 'locale'],
    ]
    for (const [query, field] of cases) {
      const refused = await stream(b, query)
      expect(refused.status, query).toBe(400)
      const body = JSON.parse(await refused.text()) as { errors: { field: string }[] }
      expect(body.errors[0]?.field, query).toBe(field)
    }
  })

  it('is described in the OpenAPI document', async () => {
    const document = (await call(a, 'GET', '/openapi.json')) as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> }
    expect(document.paths['/api/realtime']?.get?.parameters?.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['collection', 'where', 'doc', 'Last-Event-ID']),
    )
  })
})
