import amqp, { type Channel, type ChannelModel } from 'amqplib'
import { randomUUID } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { spawn } from 'node:child_process'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { consumerTopology, notifierConsumer, postgresReceipts, startConsumer, type RunningConsumer } from '@/platform/events/consumers'
import { createLogger } from '@/platform/observability/logger'
import {
  deleteBrokerObjects,
  drainQueue,
  RABBITMQ_URL,
  startTcpProxy,
  type BrokerProxy as TcpProxy,
  uniqueExchange,
} from '../../../helpers/rabbitmq'
import { TEST_SECRET, waitUntil } from '../../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'

/**
 * The notifier worker against the real RabbitMQ: delivers to a webhook the test runs, dedupes a
 * redelivered message id, acks manually, retries a failing target, parks poison messages in the
 * dead-letter queue, and carries on after the connection is cut (a proxy; the broker is never stopped).
 */

const exchange = uniqueExchange('notifier')
const topology = consumerTopology(exchange, 'notifier')
let database: TestDatabase
let pool: pg.Pool
let proxy: TcpProxy
let webhook: http.Server
let webhookUrl: string
const delivered: { id: string; text: string }[] = []
let failNext = 0
let publisher: ChannelModel
let channel: Channel
let consumer: RunningConsumer

const event = (type: string, data: Record<string, unknown>, id = randomUUID()) => ({
  id,
  type,
  occurredAt: new Date().toISOString(),
  collection: type.split('.')[0],
  docId: String(Math.floor(Math.random() * 1e6)),
  actor: null,
  data,
})

const publish = (body: unknown, { messageId, routingKey }: { messageId?: string; routingKey?: string } = {}) => {
  const message = body as { id?: string; type?: string }
  channel.publish(
    exchange,
    routingKey ?? message.type ?? 'anime.created',
    Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
    {
      persistent: true,
      contentType: 'application/json',
      messageId: messageId ?? message.id,
    },
  )
}

const deliveredCount = (id: string) => delivered.filter((d) => d.id === id).length

beforeAll(async () => {
  database = await createMigratedTestDatabase('events_notifier')
  pool = new pg.Pool({ connectionString: database.url, max: 5 })
  webhook = http.createServer((req, res) => {
    let body = ''
    req.on('data', (chunk) => (body += chunk))
    req.on('end', () => {
      if (failNext > 0) {
        failNext -= 1
        res.writeHead(503).end()
        return
      }
      const notification = JSON.parse(body) as { eventId: string; text: string }
      expect(req.headers['idempotency-key']).toBe(notification.eventId)
      delivered.push({ id: notification.eventId, text: notification.text })
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve))
  webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`
  proxy = await startTcpProxy()
  publisher = await amqp.connect(RABBITMQ_URL)
  channel = await publisher.createChannel()
  await channel.assertExchange(exchange, 'topic', { durable: true })
  const logger = createLogger('test-worker')
  consumer = startConsumer({
    url: proxy.url,
    exchange,
    definition: notifierConsumer({ webhookUrl, logger }),
    receipts: postgresReceipts(pool),
    logger,
    prefetch: 5,
    dedupeHours: 1,
    retryDelayMs: 100,
    maxReconnectDelayMs: 500,
  })
  await consumer.ready
})

afterAll(async () => {
  await consumer?.stop()
  await publisher?.close().catch(() => undefined)
  await proxy?.close()
  await new Promise((resolve) => webhook?.close(resolve))
  await deleteBrokerObjects({
    queues: [topology.queue, topology.deadLetterQueue],
    exchanges: [exchange, topology.deadLetterExchange],
  })
  await pool?.end()
  await database?.drop()
})

const until = waitUntil

const drainDeadLetters = (expect = 0) => drainQueue(channel, topology.deadLetterQueue, { expect })

describe('notifier worker', () => {
  it('delivers anime.created and articles.published to the webhook, and acks them', async () => {
    const anime = event('anime.created', { title: 'Cowboy Bebop', slug: 'cowboy-bebop' })
    const article = event('articles.published', { title: 'The Spruce Goose' })
    publish(anime)
    publish(article)
    // Not bound: never reaches the notifier.
    publish(event('anime.updated', { title: 'Ignored' }))
    await until(() => deliveredCount(anime.id) === 1 && deliveredCount(article.id) === 1, 'two deliveries')
    expect(delivered.find((d) => d.id === anime.id)?.text).toBe('New anime: Cowboy Bebop')
    expect(delivered.find((d) => d.id === article.id)?.text).toBe('New article: The Spruce Goose')
    // Acked: nothing is left ready or unacknowledged once it is handled.
    await until(() => consumer.stats().handled >= 2, 'handled stats')
    const { messageCount } = await channel.checkQueue(topology.queue)
    expect(messageCount).toBe(0)
    expect(delivered.some((d) => d.text.includes('Ignored'))).toBe(false)
  })

  it('skips an anime created as a draft (nothing public to announce)', async () => {
    const draft = event('anime.created', { _status: 'draft' })
    const before = consumer.stats().handled
    publish(draft)
    await until(() => consumer.stats().handled === before + 1, 'draft handled')
    expect(deliveredCount(draft.id)).toBe(0)
  })

  it('delivers a redelivered message id once', async () => {
    const anime = event('anime.created', { title: 'Trigun' })
    const duplicatesBefore = consumer.stats().duplicates
    publish(anime)
    publish(anime)
    publish(anime)
    await until(() => consumer.stats().duplicates === duplicatesBefore + 2, 'two duplicates')
    expect(deliveredCount(anime.id)).toBe(1)
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM event_receipts WHERE consumer = 'notifier' AND message_id = $1`, [
      anime.id,
    ])
    expect(rows[0].n).toBe(1)
  })

  it('retries when the webhook fails (manual ack: the message is not lost), delivering once', async () => {
    failNext = 2
    const anime = event('anime.created', { title: 'Akira' })
    publish(anime)
    await until(() => deliveredCount(anime.id) === 1, 'delivery after two failures')
    expect(consumer.stats().retried).toBeGreaterThanOrEqual(2)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(deliveredCount(anime.id)).toBe(1)
  })

  it('parks poison messages in the dead-letter queue', async () => {
    const before = consumer.stats().deadLettered
    publish('{not json', { messageId: randomUUID(), routingKey: 'anime.created' })
    publish({ id: randomUUID(), type: 'anime.created' }) // fields missing
    const good = event('anime.created', { title: 'Paprika' })
    publish(good, { messageId: randomUUID() }) // messageId differs from the body's id
    await until(() => consumer.stats().deadLettered === before + 3, 'three dead letters')
    const parked = await drainDeadLetters(3)
    expect(parked).toHaveLength(3)
    expect(parked[0]).toBe('{not json')
    expect(deliveredCount(good.id)).toBe(0)
  })

  it('reconnects after the connection is cut, and gets what was published meanwhile', async () => {
    const connectionsBefore = consumer.stats().connections
    proxy.cut()
    await new Promise((resolve) => setTimeout(resolve, 300))
    // Published while the worker is cut off: waits in the durable queue.
    const during = event('anime.created', { title: 'During the cut' })
    publish(during)
    await new Promise((resolve) => setTimeout(resolve, 700))
    expect(deliveredCount(during.id)).toBe(0)
    proxy.restore()
    await until(() => consumer.stats().connections > connectionsBefore, 'a new connection')
    const after = event('anime.created', { title: 'After the cut' })
    publish(after)
    await until(() => deliveredCount(during.id) === 1 && deliveredCount(after.id) === 1, 'deliveries after reconnecting')
  })
})

describe('npm run worker', () => {
  it('starts, delivers, and stops cleanly on SIGTERM', async () => {
    const root = process.cwd()
    const child = spawn(process.execPath, [path.join(root, 'src/platform/cli/launch.mjs'), 'scripts/worker.ts'], {
      cwd: root,
      env: {
        ...process.env,
        SECRET_KEY: TEST_SECRET,
        DATABASE_URL: database.url,
        RABBITMQ_URL,
        RABBITMQ_EXCHANGE: exchange,
        NOTIFIER_WEBHOOK_URL: webhookUrl,
        REDIS_URL: '',
        S3_BUCKET: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
    try {
      // The in-process consumer shares the queue: stop it so the script's worker gets the message.
      await consumer.stop()
      await until(() => output.includes('"msg":"consuming"'), `the worker to consume:\n${output}`, 60_000)
      const anime = event('anime.created', { title: 'From the worker' })
      publish(anime)
      await until(() => deliveredCount(anime.id) === 1, `delivery by the worker:\n${output}`)
    } finally {
      child.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
  })

  it('refuses to start without RABBITMQ_URL, with one line', async () => {
    const child = spawn(process.execPath, [path.join(process.cwd(), 'src/platform/cli/launch.mjs'), 'scripts/worker.ts'], {
      env: { ...process.env, SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url, RABBITMQ_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(1)
    expect(stderr.trim()).toBe('worker: RABBITMQ_URL is not set: there is no broker to consume from')
  })
})
