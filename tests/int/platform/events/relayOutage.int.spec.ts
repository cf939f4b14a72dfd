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
import { waitFor } from '../../../helpers/serverProcess'

/**
 * The broker goes away (a TCP proxy in front of the shared RabbitMQ is cut; the service itself is
 * never stopped): writes keep succeeding, events wait in the outbox, and once the proxy is back
 * two relays on the same outbox drain the backlog with every event published exactly once.
 */

const exchange = uniqueExchange('outage')
const WRITES = 500
let int: PayloadInt
let proxy: TcpProxy
let queue: TestQueue
let relays: EventRelay[] = []
let sql: pg.Pool

beforeAll(async () => {
  int = await initPayloadInt('events_outage')
  sql = new pg.Pool({ connectionString: int.database.url, max: 2 })
  proxy = await startTcpProxy()
  // The test's own consumer talks to RabbitMQ directly: only the relays lose the broker.
  queue = await bindTestQueue(exchange)
  const events = readEventsConfig({
    RABBITMQ_URL: proxy.url,
    RABBITMQ_EXCHANGE: exchange,
    EVENTS_RELAY_POLL_MS: '50',
    EVENTS_RELAY_BATCH_SIZE: '25',
    EVENTS_RELAY_MAX_BACKOFF_MS: '1000',
  })
  const logger = createLogger('test-relay')
  relays = [0, 1].map(() => startEventRelay({ databaseUrl: int.database.url, events, logger }))
})

afterAll(async () => {
  await Promise.all(relays.map((relay) => relay.stop()))
  await proxy?.close()
  await queue?.close()
  await sql?.end()
  await deleteBrokerObjects({ exchanges: [exchange] })
  await int?.cleanup()
})

/** Relays blocked on the table lock in their claim query (their own pools, this database). */
const claimsWaitingForLock = async (): Promise<number> =>
  (
    await sql.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE SKIP LOCKED%'`,
    )
  ).rows[0].n

const unsent = async (): Promise<number> => (await sql.query(`SELECT count(*)::int AS n FROM event_outbox WHERE sent_at IS NULL`)).rows[0].n

describe('broker outage', () => {
  it('publishes normally while the broker is reachable', async () => {
    await int.payload.create({ collection: 'genres', data: { name: 'Before Outage' } })
    await queue.waitForCount(1)
  })

  it(`${WRITES} writes succeed with the broker cut; two relays drain them once it returns, each event once`, async () => {
    proxy.cut()
    const started = Date.now()
    const created: number[] = []
    for (let index = 0; index < WRITES; index++) {
      const genre = await int.payload.create({ collection: 'genres', data: { name: `Outage ${index}` }, depth: 0 })
      created.push(genre.id)
    }
    const writeSeconds = (Date.now() - started) / 1000
    expect(created).toHaveLength(WRITES)
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(queue.messages).toHaveLength(1)
    expect(await unsent()).toBe(WRITES)

    // Both relays must start the drain, or 'each event once' would say nothing about two of them:
    // left alone, the first to reconnect (the backoff has jitter) can drain all 500 before the other
    // wakes. So the table is locked until both are waiting to claim, then the broker and the lock
    // come back together; SKIP LOCKED is what keeps their batches apart from there on.
    const gate = await sql.connect()
    try {
      await gate.query('BEGIN')
      await gate.query('LOCK TABLE event_outbox IN EXCLUSIVE MODE')
      const bothWaiting = await waitFor(async () => (await claimsWaitingForLock()) === 2, 15_000, 50)
      expect(bothWaiting).toBe(true)
      proxy.restore()
      await gate.query('COMMIT')
    } finally {
      gate.release()
    }
    const received = await queue.waitForCount(1 + WRITES, 60_000)
    // Give a duplicate time to show up, if one were coming.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    const ids = received.map((m) => m.properties.messageId as string)
    expect(ids).toHaveLength(1 + WRITES)
    expect(new Set(ids).size).toBe(1 + WRITES)
    const docIds = new Set(received.map((m) => Number((m.body as { docId: string }).docId)))
    for (const id of created) expect(docIds.has(id)).toBe(true)
    expect(await unsent()).toBe(0)
    console.log(`${WRITES} writes during the outage took ${writeSeconds.toFixed(1)} s`)
  })

  it('both relays took part in the drain, and each row was sent on its first attempt', async () => {
    const counts = relays.map((relay) => relay.stats().published)
    expect(counts[0] + counts[1]).toBe(1 + WRITES)
    expect(counts[0]).toBeGreaterThan(0)
    expect(counts[1]).toBeGreaterThan(0)
    const { rows } = await sql.query(`SELECT max(attempts)::int AS max, min(attempts)::int AS min FROM event_outbox`)
    expect(rows[0]).toEqual({ max: 1, min: 1 })
  })
})
