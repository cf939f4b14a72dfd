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
  startTcpProxy,
  type BrokerProxy as TcpProxy,
  type TestQueue,
  uniqueExchange,
} from '../../../helpers/rabbitmq'

/**
 * A row is marked sent only once the broker has confirmed it. Here the broker receives the
 * messages but its confirms never come back (the proxy swallows the replies): the rows stay
 * unsent and are published again later. Consumers see duplicates with the same id, never a loss.
 */

const exchange = uniqueExchange('confirms')
const COUNT = 20
let int: PayloadInt
let proxy: TcpProxy
let queue: TestQueue
let relay: EventRelay
let sql: pg.Pool

beforeAll(async () => {
  int = await initPayloadInt('events_confirms')
  sql = new pg.Pool({ connectionString: int.database.url, max: 2 })
  proxy = await startTcpProxy()
  queue = await bindTestQueue(exchange)
  const events = readEventsConfig({
    RABBITMQ_URL: proxy.url,
    RABBITMQ_EXCHANGE: exchange,
    EVENTS_RELAY_POLL_MS: '50',
    EVENTS_RELAY_MAX_BACKOFF_MS: '500',
  })
  relay = startEventRelay({ databaseUrl: int.database.url, events, logger: createLogger('test-relay'), confirmTimeoutMs: 1000 })
})

afterAll(async () => {
  await relay?.stop()
  await proxy?.close()
  await queue?.close()
  await sql?.end()
  await deleteBrokerObjects({ exchanges: [exchange] })
  await int?.cleanup()
})

const unsent = async (): Promise<number> => (await sql.query(`SELECT count(*)::int AS n FROM event_outbox WHERE sent_at IS NULL`)).rows[0].n

describe('publisher confirms', () => {
  it('unconfirmed events stay unsent and are published again (same ids) once confirms flow', async () => {
    // Connected first, so the relay's channel is open before the replies stop.
    await int.payload.create({ collection: 'genres', data: { name: 'Warm-up' } })
    await queue.waitForCount(1)
    proxy.swallowReplies(true)
    // One transaction, so the relay claims all of them in one batch.
    const req = await createLocalReq({}, int.payload)
    req.transactionID = (await int.payload.db.beginTransaction()) ?? undefined
    for (let index = 0; index < COUNT; index++)
      await int.payload.create({ collection: 'genres', data: { name: `Unconfirmed ${index}` }, req })
    await int.payload.db.commitTransaction(req.transactionID!)

    // The broker routes them (the test queue gets them) but never confirms: nothing is marked sent.
    await queue.waitForCount(1 + COUNT)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(await unsent()).toBe(COUNT)

    // Confirms flow again (a fresh connection): every event goes out again and is marked sent.
    proxy.cut()
    proxy.restore()
    await queue.waitForCount(1 + 2 * COUNT, 30_000)
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await unsent()).toBe(0)
    const ids = queue.messages.slice(1).map((m) => m.properties.messageId as string)
    const distinct = new Set(ids)
    expect(distinct.size).toBe(COUNT)
    // At-least-once: each id arrived at least twice, and deduplicating by id gives exactly the events.
    for (const id of distinct) expect(ids.filter((other) => other === id).length).toBeGreaterThanOrEqual(2)
  })
})
