import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { recordEventSql } from '@/platform/events'
import { bindTestQueue, deleteBrokerObjects, RABBITMQ_URL, type TestQueue, uniqueExchange } from '../../../helpers/rabbitmq'
import { startServer, TEST_SECRET, type RunningServer } from '../../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'

/** The app server runs the relay: a row committed to the outbox reaches the exchange. */

const exchange = uniqueExchange('server')
let database: TestDatabase
let server: RunningServer
let queue: TestQueue
let pool: pg.Pool

beforeAll(async () => {
  database = await createMigratedTestDatabase('events_server')
  pool = new pg.Pool({ connectionString: database.url, max: 1 })
  queue = await bindTestQueue(exchange)
  server = await startServer({
    SECRET_KEY: TEST_SECRET,
    DATABASE_URL: database.url,
    RABBITMQ_URL,
    RABBITMQ_EXCHANGE: exchange,
    EVENTS_RELAY_POLL_MS: '100',
  })
})

afterAll(async () => {
  await server?.stop()
  await queue?.close()
  await pool?.end()
  await deleteBrokerObjects({ exchanges: [exchange] })
  await database?.drop()
})

describe('relay in the app server', () => {
  it('publishes what is committed to the outbox, and marks it sent', async () => {
    const message = await recordEventSql((text, params) => pool.query(text, params), {
      type: 'genres.created',
      collection: 'genres',
      docId: '42',
      data: { slug: 'mecha', name: 'Mecha' },
    })
    const [received] = await queue.waitForCount(1, 30_000)
    expect(received.routingKey).toBe('genres.created')
    expect(received.properties.messageId).toBe(message.id)
    expect(received.body).toEqual(message)
    const waitSent = async () => {
      for (let i = 0; i < 50; i++) {
        const { rows } = await pool.query(`SELECT sent_at FROM event_outbox WHERE event_id = $1`, [message.id])
        if (rows[0]?.sent_at) return true
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      return false
    }
    expect(await waitSent()).toBe(true)
  })
})
