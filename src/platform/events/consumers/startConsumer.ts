import type { Channel, ChannelModel, ConsumeMessage } from 'amqplib'

import type { Logger } from '../../observability/logger'
import { connectBroker } from '../connectBroker'
import { type EventMessage, isEventMessage } from '../eventMessage'
import { PoisonMessageError } from './PoisonMessageError'
import type { ReceiptStore } from './receipts'
import { assertConsumerTopology } from './topology'

/** What a consumer is: a name (its queue), the routing keys it wants, and what it does with one event. */
export type ConsumerDefinition = {
  name: string
  bindings: string[]
  /** Throw PoisonMessageError to dead-letter the message, anything else to have it retried. */
  handle: (event: EventMessage, delivery: { routingKey: string; redelivered: boolean }) => Promise<void>
}

export type ConsumerOptions = {
  url: string
  exchange: string
  definition: ConsumerDefinition
  receipts: ReceiptStore
  logger: Pick<Logger, 'info' | 'warn' | 'error'>
  prefetch: number
  dedupeHours: number
  /** A failing message is retried this often (with a pause each time), then dead-lettered. */
  maxAttempts?: number
  retryDelayMs?: number
  maxReconnectDelayMs?: number
}

export type ConsumerStats = { handled: number; duplicates: number; deadLettered: number; retried: number; connections: number }

export type RunningConsumer = {
  /** Resolves once the first connection consumes. */
  ready: Promise<void>
  stats: () => ConsumerStats
  stop: () => Promise<void>
}

const parse = (message: ConsumeMessage): EventMessage | string => {
  let body: unknown
  try {
    body = JSON.parse(message.content.toString('utf8'))
  } catch {
    return 'the body is not JSON'
  }
  if (!isEventMessage(body)) return 'the body is not an event {id, type, occurredAt, collection, docId, actor, data}'
  const messageId = message.properties.messageId as string | undefined
  if (messageId !== undefined && messageId !== body.id) return `messageId ${messageId} differs from the body's id ${body.id}`
  return body
}

/**
 * Runs one consumer: declares its queue (with a dead-letter queue), consumes with manual acks and
 * a prefetch limit, handles each event once (receipts by message id), and reconnects with backoff
 * whenever the connection drops. The pattern every consumer of the worker follows:
 *  - malformed message -> dead-letter queue at once;
 *  - already handled (same id) -> ack, skip;
 *  - handler fails -> pause, requeue; after `maxAttempts` (counted in this process) -> dead-letter;
 *  - handler succeeds -> receipt committed, then ack (a lost ack means a redelivery, caught as a duplicate).
 */
export const startConsumer = ({
  url,
  exchange,
  definition,
  receipts,
  logger,
  prefetch,
  dedupeHours,
  maxAttempts = 5,
  retryDelayMs = 1000,
  maxReconnectDelayMs = 30_000,
}: ConsumerOptions): RunningConsumer => {
  const stats: ConsumerStats = { handled: 0, duplicates: 0, deadLettered: 0, retried: 0, connections: 0 }
  const attempts = new Map<string, number>()
  let stopping = false
  let connection: ChannelModel | undefined
  let reconnectTimer: NodeJS.Timeout | undefined
  let pruneTimer: NodeJS.Timeout | undefined
  let failures = 0
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (markReady = resolve))

  /** Acks and nacks on a channel that has closed meanwhile are moot: the broker redelivers the message. */
  const settle = (action: () => void) => {
    try {
      action()
    } catch {
      // channel closed
    }
  }

  const deadLetter = (channel: Channel, message: ConsumeMessage, reason: string) => {
    stats.deadLettered += 1
    logger.warn(
      { consumer: definition.name, messageId: message.properties.messageId, routingKey: message.fields.routingKey, reason },
      'message dead-lettered',
    )
    settle(() => channel.nack(message, false, false))
  }

  const onMessage = async (channel: Channel, message: ConsumeMessage) => {
    const event = parse(message)
    if (typeof event === 'string') return deadLetter(channel, message, event)
    let fresh: boolean
    try {
      fresh = await receipts.once(definition.name, event.id, () =>
        definition.handle(event, { routingKey: message.fields.routingKey, redelivered: message.fields.redelivered }),
      )
    } catch (error) {
      if (error instanceof PoisonMessageError) return deadLetter(channel, message, error.message)
      const attempt = (attempts.get(event.id) ?? 0) + 1
      if (attempt >= maxAttempts) {
        attempts.delete(event.id)
        return deadLetter(channel, message, `failed ${attempt} times: ${(error as Error).message}`)
      }
      attempts.set(event.id, attempt)
      stats.retried += 1
      logger.warn({ consumer: definition.name, messageId: event.id, attempt, err: error }, 'handler failed; the message will be retried')
      // A pause before the requeue, so a failing target is not hammered in a tight loop.
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs * attempt))
      settle(() => channel.nack(message, false, true))
      return
    }
    if (fresh) stats.handled += 1
    else stats.duplicates += 1
    attempts.delete(event.id)
    settle(() => channel.ack(message))
  }

  const scheduleReconnect = () => {
    if (stopping || reconnectTimer) return
    failures += 1
    const delay = Math.min(maxReconnectDelayMs, 250 * 2 ** Math.min(failures, 16))
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined
      void connect()
    }, delay)
  }

  const connect = async () => {
    try {
      const opened = await connectBroker(url, `cms-worker-${definition.name}`)
      connection = opened
      opened.on('error', () => undefined)
      opened.on('close', () => {
        if (connection === opened) connection = undefined
        if (!stopping) {
          logger.warn({ consumer: definition.name }, 'lost the connection to RabbitMQ; reconnecting')
          scheduleReconnect()
        }
      })
      const channel = await opened.createChannel()
      channel.on('error', () => undefined)
      await channel.prefetch(prefetch)
      const names = await assertConsumerTopology(channel, exchange, definition.name, definition.bindings)
      await channel.consume(
        names.queue,
        (message) => {
          // A null message: the queue was deleted or the broker cancelled us; the close handler reconnects.
          if (message) void onMessage(channel, message).catch((error: unknown) => logger.error({ err: error }, 'consumer failed'))
        },
        { noAck: false },
      )
      failures = 0
      stats.connections += 1
      logger.info({ consumer: definition.name, queue: names.queue, bindings: definition.bindings }, 'consuming')
      markReady()
    } catch (error) {
      if (failures === 0) logger.warn({ consumer: definition.name, err: error }, 'cannot reach RabbitMQ; retrying')
      connection?.close().catch(() => undefined)
      scheduleReconnect()
    }
  }

  void connect()
  const prune = () =>
    void receipts.prune(definition.name, dedupeHours).catch((error: unknown) => logger.warn({ err: error }, 'pruning receipts failed'))
  prune()
  pruneTimer = setInterval(prune, 3_600_000)
  pruneTimer.unref()

  return {
    ready,
    stats: () => ({ ...stats }),
    stop: async () => {
      stopping = true
      clearTimeout(reconnectTimer)
      clearInterval(pruneTimer)
      pruneTimer = undefined
      await connection?.close().catch(() => undefined)
    },
  }
}
