import amqp, { type Channel, type ChannelModel } from 'amqplib'
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  consumerTopology,
  postgresReceipts,
  startConsumer,
  telegramChannelConsumer,
  type RunningConsumer,
} from '@/platform/events/consumers'
import { createLogger } from '@/platform/observability/logger'
import { deleteBrokerObjects, drainQueue, RABBITMQ_URL, uniqueExchange } from '../../../helpers/rabbitmq'
import { waitUntil } from '../../../helpers/serverProcess'
import { type BotApiStandIn, startBotApiStandIn } from '../../../helpers/telegramBotApi'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'

/**
 * The Telegram channel consumer against the real RabbitMQ and a local Bot API stand-in (real
 * HTTP): posts a published article once, retries 5xx and 429, dead-letters what Telegram refuses
 * and what still fails after the last attempt.
 */

const BOT_TOKEN = '123456789:AAEtestTokenForTheStandInOnly_0123'
const CHAT_ID = '-100123456'
const MAX_ATTEMPTS = 3
const exchange = uniqueExchange('telegram')
const topology = consumerTopology(exchange, 'telegram-channel')
let database: TestDatabase
let pool: pg.Pool
let botApi: BotApiStandIn
let publisher: ChannelModel
let channel: Channel
let consumer: RunningConsumer
let refusingConsumer: RunningConsumer | undefined

const published = (data: Record<string, unknown>, id = randomUUID()) => ({
  id,
  type: 'articles.published',
  occurredAt: new Date().toISOString(),
  collection: 'articles',
  docId: String(Math.floor(Math.random() * 1e6)),
  actor: null,
  data,
})

const publish = (body: { id: string; type: string }) =>
  channel.publish(exchange, body.type, Buffer.from(JSON.stringify(body)), {
    persistent: true,
    contentType: 'application/json',
    messageId: body.id,
  })

const until = waitUntil

const postsContaining = (text: string) => botApi.sent.filter((message) => message.text.includes(text))

const drainDeadLetters = (expect = 0) => drainQueue(channel, topology.deadLetterQueue, { expect })

/** The channel consumer on the test exchange, posting to the Bot API stand-in, with fast retries. */
const startChannelConsumer = ({ chatId, articleUrlTemplate }: { chatId: string; articleUrlTemplate: string }) =>
  startConsumer({
    url: RABBITMQ_URL,
    exchange,
    definition: telegramChannelConsumer({ botToken: BOT_TOKEN, chatId, apiBaseUrl: botApi.url, articleUrlTemplate }),
    receipts: postgresReceipts(pool),
    logger: createLogger('test-telegram'),
    prefetch: 1,
    dedupeHours: 1,
    maxAttempts: MAX_ATTEMPTS,
    retryDelayMs: 50,
  })

beforeAll(async () => {
  database = await createMigratedTestDatabase('events_telegram')
  pool = new pg.Pool({ connectionString: database.url, max: 5 })
  botApi = await startBotApiStandIn(BOT_TOKEN)
  publisher = await amqp.connect(RABBITMQ_URL)
  channel = await publisher.createChannel()
  await channel.assertExchange(exchange, 'topic', { durable: true })
  consumer = startChannelConsumer({ chatId: CHAT_ID, articleUrlTemplate: 'https://frankenjet.example/articles/{slug}' })
  await consumer.ready
})

afterAll(async () => {
  await consumer?.stop()
  await refusingConsumer?.stop()
  await publisher?.close().catch(() => undefined)
  await botApi?.close()
  await deleteBrokerObjects({ queues: [topology.queue, topology.deadLetterQueue], exchanges: [exchange, topology.deadLetterExchange] })
  await pool?.end()
  await database?.drop()
})

describe('Telegram channel consumer', () => {
  it('posts title, excerpt and link of a published article to the chat, as HTML, once', async () => {
    const article = published({ title: 'Spruce <Goose>', slug: 'spruce-goose', excerpt: 'The H-4 Hercules & its one flight.' })
    publish(article)
    await until(() => postsContaining('Spruce').length === 1, 'the post')
    const [post] = postsContaining('Spruce')
    expect(post.chatId).toBe(CHAT_ID)
    expect(post.parseMode).toBe('HTML')
    expect(post.text).toBe(
      '<b>Spruce &lt;Goose&gt;</b>\n\nThe H-4 Hercules &amp; its one flight.\n\n' +
        '<a href="https://frankenjet.example/articles/spruce-goose">https://frankenjet.example/articles/spruce-goose</a>',
    )
    // Other events of articles are not bound to this queue.
    channel.publish(
      exchange,
      'articles.updated',
      Buffer.from(JSON.stringify({ ...published({ title: 'Edited later' }), type: 'articles.updated' })),
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(postsContaining('Edited later')).toHaveLength(0)
  })

  it('posts a redelivered message id once (receipts)', async () => {
    const article = published({ title: 'Concorde', slug: 'concorde' })
    const before = consumer.stats().duplicates
    publish(article)
    publish(article)
    publish(article)
    await until(() => consumer.stats().duplicates === before + 2, 'two duplicates')
    expect(postsContaining('Concorde')).toHaveLength(1)
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM event_receipts WHERE consumer = 'telegram-channel' AND message_id = $1`,
      [article.id],
    )
    expect(rows[0].n).toBe(1)
  })

  it('retries on 5xx and 429 and posts once when Telegram recovers', async () => {
    const retriedBefore = consumer.stats().retried
    botApi.failNext(502, 429)
    const article = published({ title: 'Tu-144', slug: 'tu-144' })
    publish(article)
    await until(() => postsContaining('Tu-144').length === 1, 'the post after two failures')
    expect(consumer.stats().retried).toBe(retriedBefore + 2)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(postsContaining('Tu-144')).toHaveLength(1)
  })

  it(`dead-letters after ${MAX_ATTEMPTS} failed attempts`, async () => {
    await drainDeadLetters()
    const before = consumer.stats().deadLettered
    const callsBefore = botApi.calls()
    botApi.failNext(...Array.from({ length: MAX_ATTEMPTS }, () => 503))
    const article = published({ title: 'Always failing', slug: 'always-failing' })
    publish(article)
    await until(() => consumer.stats().deadLettered === before + 1, 'a dead letter')
    expect(botApi.calls() - callsBefore).toBe(MAX_ATTEMPTS)
    expect(postsContaining('Always failing')).toHaveLength(0)
    const parked = await drainDeadLetters(1)
    expect(parked.map((body) => (JSON.parse(body) as { id: string }).id)).toEqual([article.id])
  })

  it('dead-letters at once what Telegram refuses for good (400) and an article without a title', async () => {
    await consumer.stop()
    refusingConsumer = startChannelConsumer({ chatId: '-1009999', articleUrlTemplate: 'https://x.example/{slug}' })
    await refusingConsumer.ready
    const callsBefore = botApi.calls()
    publish(published({ title: 'Unknown chat', slug: 'unknown-chat' }))
    publish(published({ slug: 'no-title' }))
    await until(() => refusingConsumer!.stats().deadLettered === 2, 'two dead letters')
    expect(refusingConsumer.stats().retried).toBe(0)
    expect(botApi.calls() - callsBefore).toBe(1)
    expect(await drainDeadLetters(2)).toHaveLength(2)
  })
})
