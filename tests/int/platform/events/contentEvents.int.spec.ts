import { createLocalReq } from 'payload'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readEventsConfig } from '@/platform/config/events'
import { startEventRelay, type EventRelay } from '@/platform/events/relay'
import { createLogger } from '@/platform/observability/logger'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'
import {
  bindTestQueue,
  deleteBrokerObjects,
  RABBITMQ_URL,
  type ReceivedMessage,
  type TestQueue,
  uniqueExchange,
} from '../../../helpers/rabbitmq'

/**
 * Each content action becomes exactly the expected message on the exchange (a test queue bound
 * to `#` on a real RabbitMQ), drafts never leak, and a rolled-back change leaves nothing behind.
 */

const exchange = uniqueExchange('content')
let int: PayloadInt
let queue: TestQueue
let relay: EventRelay
let sql: pg.Pool

beforeAll(async () => {
  int = await initPayloadInt('events_content')
  sql = new pg.Pool({ connectionString: int.database.url, max: 2 })
  queue = await bindTestQueue(exchange)
  const events = readEventsConfig({ RABBITMQ_URL, RABBITMQ_EXCHANGE: exchange, EVENTS_RELAY_POLL_MS: '50' })
  relay = startEventRelay({ databaseUrl: int.database.url, events, logger: createLogger('test-relay') })
})

afterAll(async () => {
  await relay?.stop()
  await queue?.close()
  await sql?.end()
  await deleteBrokerObjects({ exchanges: [exchange] })
  await int?.cleanup()
})

const forDoc = (collection: string, id: number | string) => (m: ReceivedMessage) =>
  (m.body as { collection: string; docId: string }).collection === collection && (m.body as { docId: string }).docId === String(id)

/** Waits until `count` messages about one document arrived; returns them in order. */
const messagesFor = async (collection: string, id: number | string, count: number): Promise<ReceivedMessage[]> => {
  const deadline = Date.now() + 20_000
  for (;;) {
    const found = queue.messages.filter(forDoc(collection, id))
    if (found.length >= count) return found
    if (Date.now() > deadline)
      throw new Error(`expected ${count} events for ${collection} ${id}, got ${JSON.stringify(found.map((m) => m.routingKey))}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('content events', () => {
  it('publishes one persistent JSON message per action, messageId = id', async () => {
    const genre = await int.payload.create({ collection: 'genres', data: { name: 'Mecha' } })
    const [message] = await messagesFor('genres', genre.id, 1)
    expect(message.routingKey).toBe('genres.created')
    expect(message.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'genres.created',
      occurredAt: expect.any(String),
      collection: 'genres',
      docId: String(genre.id),
      actor: null,
      data: { slug: 'mecha', name: 'Mecha' },
    })
    expect(message.properties.messageId).toBe((message.body as { id: string }).id)
    expect(message.properties.contentType).toBe('application/json')
    expect(message.properties.deliveryMode).toBe(2)

    await int.payload.update({ collection: 'genres', id: genre.id, data: { name: 'Super Robot' } })
    await int.payload.delete({ collection: 'genres', id: genre.id })
    const all = await messagesFor('genres', genre.id, 3)
    expect(all.map((m) => m.routingKey)).toEqual(['genres.created', 'genres.updated', 'genres.deleted'])
    expect((all[1].body as { data: unknown }).data).toEqual({ slug: 'mecha', name: 'Super Robot' })
    expect(new Set(all.map((m) => m.properties.messageId)).size).toBe(3)
  })

  it('names the signed-in actor by collection and id only', async () => {
    const admin = await int.payload.create({
      collection: 'users',
      data: { email: 'events-admin@example.com', password: 'correct-horse-battery', roles: ['admin'] },
    })
    const studio = await int.payload.create({ collection: 'studios', data: { name: 'Sunrise' }, user: admin, overrideAccess: false })
    const [message] = await messagesFor('studios', studio.id, 1)
    expect(message.routingKey).toBe('studios.created')
    expect((message.body as { actor: unknown }).actor).toEqual({ collection: 'users', id: String(admin.id) })
  })

  it('anime: created as draft, published, updated, draft saved, unpublished, deleted; drafts never leak', async () => {
    const anime = await int.payload.create({ collection: 'anime', data: { title: 'Secret Draft Title' }, draft: true })
    await int.payload.update({ collection: 'anime', id: anime.id, data: { title: 'Public Title', _status: 'published' } })
    await int.payload.update({ collection: 'anime', id: anime.id, data: { title: 'Public Title 2', _status: 'published' } })
    // A draft beside the published document: the public sees nothing new.
    await int.payload.update({ collection: 'anime', id: anime.id, data: { title: 'Another Secret' }, draft: true })
    await int.payload.update({ collection: 'anime', id: anime.id, data: { _status: 'draft' } })
    await int.payload.delete({ collection: 'anime', id: anime.id })

    const all = await messagesFor('anime', anime.id, 5)
    expect(all.map((m) => m.routingKey)).toEqual([
      'anime.created',
      'anime.published',
      'anime.updated',
      'anime.unpublished',
      'anime.deleted',
    ])
    const data = all.map((m) => (m.body as { data: Record<string, unknown> }).data)
    expect(data[0]).toEqual({ _status: 'draft' })
    expect(data[1]).toMatchObject({ title: 'Public Title', slug: expect.any(String) })
    expect(data[2]).toMatchObject({ title: 'Public Title 2' })
    expect(data[3]).toEqual({ _status: 'draft' })
    expect(data[4]).toEqual({})
    const everything = JSON.stringify(queue.messages)
    expect(everything).not.toContain('Secret Draft Title')
    expect(everything).not.toContain('Another Secret')
    // Nothing further arrives for it (the draft save published nothing).
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(queue.messages.filter(forDoc('anime', anime.id))).toHaveLength(5)
  })

  it('anime created published: anime.created and anime.published, with the public summary', async () => {
    const anime = await int.payload.create({
      collection: 'anime',
      data: { title: 'Cowboy Bebop', kind: 'tv', year: 1998, _status: 'published' },
    })
    const all = await messagesFor('anime', anime.id, 2)
    expect(all.map((m) => m.routingKey)).toEqual(['anime.created', 'anime.published'])
    expect((all[0].body as { data: unknown }).data).toEqual({ slug: 'cowboy-bebop', title: 'Cowboy Bebop', kind: 'tv', year: 1998 })
  })

  it('user.registered and user.deleted, with no email in them', async () => {
    const user = await int.payload.create({
      collection: 'users',
      data: { email: 'events-user@example.com', password: 'correct-horse-battery', name: 'Eve' },
    })
    await int.payload.delete({ collection: 'users', id: user.id })
    const all = await messagesFor('users', user.id, 2)
    expect(all.map((m) => m.routingKey)).toEqual(['user.registered', 'user.deleted'])
    expect((all[0].body as { data: unknown }).data).toEqual({ name: 'Eve' })
    expect(JSON.stringify(all)).not.toContain('events-user@example.com')
  })

  it('a rolled-back change leaves no outbox row and publishes nothing', async () => {
    const req = await createLocalReq({}, int.payload)
    const transactionID = await int.payload.db.beginTransaction()
    if (!transactionID) throw new Error('the adapter gave no transaction')
    req.transactionID = transactionID
    const genre = await int.payload.create({ collection: 'genres', data: { name: 'Rolled Back' }, req })
    // Inside the transaction the outbox row exists (it joined the change's transaction)...
    const inside = await int.payload.find({
      collection: 'event-outbox',
      where: { type: { equals: 'genres.created' }, 'message.docId': { equals: String(genre.id) } },
      req,
    })
    expect(inside.totalDocs).toBe(1)
    await int.payload.db.rollbackTransaction(transactionID)

    // ...after the rollback neither the genre nor its event does.
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM event_outbox WHERE message->>'docId' = $1 AND type LIKE 'genres.%'`, [
      String(genre.id),
    ])
    expect(rows[0].n).toBe(0)
    expect((await int.payload.count({ collection: 'genres', where: { name: { equals: 'Rolled Back' } } })).totalDocs).toBe(0)

    // A later change arrives; the rolled-back one never does.
    const marker = await int.payload.create({ collection: 'genres', data: { name: 'After Rollback' } })
    await messagesFor('genres', marker.id, 1)
    expect(JSON.stringify(queue.messages)).not.toContain('Rolled Back')
  })

  it('req.context.skipEvents records nothing', async () => {
    const genre = await int.payload.create({ collection: 'genres', data: { name: 'Quiet' }, context: { skipEvents: true } })
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM event_outbox WHERE message->>'docId' = $1 AND type LIKE 'genres.%'`, [
      String(genre.id),
    ])
    expect(rows[0].n).toBe(0)
  })

  it('marks every published row sent', async () => {
    await relay.runOnce()
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM event_outbox WHERE sent_at IS NULL`)
    expect(rows[0].n).toBe(0)
  })
})
