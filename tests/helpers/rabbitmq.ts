import amqp, { type Channel, type ConsumeMessage } from 'amqplib'
import { randomBytes } from 'node:crypto'

import { startTcpProxy as startGenericTcpProxy, type TcpProxy } from './tcpProxy'

/** The shared RabbitMQ service. Tests never stop it: they cut a proxy of their own instead. */
export const RABBITMQ_PORT = Number(process.env.TEST_RABBITMQ_PORT ?? 5672)
export const RABBITMQ_URL = process.env.TEST_RABBITMQ_URL ?? `amqp://guest:guest@127.0.0.1:${RABBITMQ_PORT}`

/** An exchange (and queue prefix) of the test file's own, so parallel runs never mix. */
export const uniqueExchange = (label: string): string => `test.${label}.${randomBytes(4).toString('hex')}`

export type ReceivedMessage = { routingKey: string; body: unknown; properties: ConsumeMessage['properties'] }

export type TestQueue = {
  messages: ReceivedMessage[]
  /** Resolves once at least `count` messages arrived (or throws after `timeoutMs`). */
  waitForCount: (count: number, timeoutMs?: number) => Promise<ReceivedMessage[]>
  close: () => Promise<void>
}

/** A test consumer: an exclusive queue bound to `exchange` with `pattern`, collecting everything. */
export const bindTestQueue = async (exchange: string, pattern = '#', url = RABBITMQ_URL): Promise<TestQueue> => {
  const connection = await amqp.connect(url)
  const channel = await connection.createChannel()
  await channel.assertExchange(exchange, 'topic', { durable: true })
  const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true })
  await channel.bindQueue(queue, exchange, pattern)
  const messages: ReceivedMessage[] = []
  await channel.consume(
    queue,
    (message) => {
      if (!message) return
      messages.push({ routingKey: message.fields.routingKey, body: JSON.parse(message.content.toString()), properties: message.properties })
    },
    { noAck: true },
  )
  return {
    messages,
    waitForCount: async (count, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs
      while (messages.length < count) {
        if (Date.now() > deadline)
          throw new Error(`expected ${count} messages, got ${messages.length}: ${JSON.stringify(messages.map((m) => m.routingKey))}`)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      return messages
    },
    close: async () => {
      await connection.close().catch(() => undefined)
    },
  }
}

/** Deletes the exchanges and queues a test declared (they are durable). */
export const deleteBrokerObjects = async ({ exchanges = [], queues = [] }: { exchanges?: string[]; queues?: string[] }) => {
  const connection = await amqp.connect(RABBITMQ_URL)
  try {
    for (const queue of queues) {
      const channel = await connection.createChannel()
      await channel.deleteQueue(queue).catch(() => undefined)
      await channel.close().catch(() => undefined)
    }
    for (const exchange of exchanges) {
      const channel = await connection.createChannel()
      await channel.deleteExchange(exchange).catch(() => undefined)
      await channel.close().catch(() => undefined)
    }
  } finally {
    await connection.close().catch(() => undefined)
  }
}

/** A TCP proxy in front of RabbitMQ (see tests/helpers/tcpProxy.ts), with its AMQP URL. */
export type BrokerProxy = TcpProxy & { url: string }

export const startTcpProxy = async (targetPort = RABBITMQ_PORT): Promise<BrokerProxy> => {
  const proxy = await startGenericTcpProxy(targetPort)
  return { ...proxy, url: `amqp://guest:guest@127.0.0.1:${proxy.port}` }
}

/**
 * Takes every message that sits in `queue` (a dead-letter queue, say), as their bodies' text.
 * A consumer's nack reaches the broker after its own counters move, and the broker routes the
 * dead letter after that, so with `expect` it keeps polling (up to `timeoutMs`) until that many
 * messages have arrived, then takes whatever else is there: a caller asserting the count still
 * sees too few or too many.
 */
export const drainQueue = async (
  channel: Channel,
  queue: string,
  { expect = 0, timeoutMs = 5_000 }: { expect?: number; timeoutMs?: number } = {},
): Promise<string[]> => {
  const bodies: string[] = []
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const message = await channel.get(queue, { noAck: true })
    if (message) {
      bodies.push(message.content.toString())
      continue
    }
    if (bodies.length >= expect || Date.now() > deadline) return bodies
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
