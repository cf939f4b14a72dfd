import type { ChannelModel } from 'amqplib'

import { connectBroker } from '../../events/connectBroker'
import { isEventMessage } from '../../events/eventMessage'
import type { Logger } from '../../observability/logger'
import { acceptChange, setChangeFeedLive } from './hub'

export type ChangeFeed = {
  /** Resolves once the first connection consumes. */
  ready: Promise<void>
  stop: () => Promise<void>
}

/**
 * Messages a lagging instance may hold before RabbitMQ drops the oldest: realtime changes are
 * worth little late, and an instance must never take the broker's memory with it.
 */
const QUEUE_MAX_LENGTH = 10_000
const MAX_RECONNECT_DELAY_MS = 10_000

/**
 * This instance's view of every domain event: a private queue (exclusive, deleted with the
 * connection) bound to the whole exchange, so every instance hears every change whichever
 * instance's relay published it. Not a worker consumer: nothing is acknowledged or retried, a
 * change that arrives while this instance is disconnected is lost to its subscribers (they can
 * re-read over REST), and the hub drops redeliveries by event id.
 */
export const startChangeFeed = ({ url, exchange, logger }: { url: string; exchange: string; logger: Logger }): ChangeFeed => {
  let stopping = false
  let connection: ChannelModel | undefined
  let timer: NodeJS.Timeout | undefined
  let failures = 0
  let markReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (markReady = resolve))

  const reconnect = () => {
    setChangeFeedLive(false)
    if (stopping || timer) return
    failures += 1
    timer = setTimeout(
      () => {
        timer = undefined
        void connect()
      },
      Math.min(MAX_RECONNECT_DELAY_MS, 250 * 2 ** Math.min(failures, 10)),
    )
    timer.unref()
  }

  const connect = async () => {
    try {
      const opened = await connectBroker(url, 'cms-realtime')
      connection = opened
      opened.on('error', () => undefined)
      opened.on('close', () => {
        if (connection === opened) connection = undefined
        if (!stopping) {
          logger.warn('realtime: lost the connection to RabbitMQ; reconnecting')
          reconnect()
        }
      })
      const channel = await opened.createChannel()
      channel.on('error', () => undefined)
      await channel.assertExchange(exchange, 'topic', { durable: true })
      const { queue } = await channel.assertQueue('', {
        exclusive: true,
        autoDelete: true,
        durable: false,
        arguments: { 'x-max-length': QUEUE_MAX_LENGTH },
      })
      await channel.bindQueue(queue, exchange, '#')
      await channel.consume(
        queue,
        (message) => {
          if (!message) return
          try {
            const body: unknown = JSON.parse(message.content.toString('utf8'))
            if (isEventMessage(body)) acceptChange(body)
          } catch {
            // Not an event: nothing to tell anyone.
          }
        },
        { noAck: true },
      )
      if (failures > 0) logger.info('realtime: hearing changes again')
      failures = 0
      setChangeFeedLive(true)
      markReady()
    } catch (error) {
      if (failures === 0) logger.warn({ err: error }, 'realtime: cannot reach RabbitMQ; subscriptions get no changes until it answers')
      await connection?.close().catch(() => undefined)
      reconnect()
    }
  }

  void connect()
  return {
    ready,
    stop: async () => {
      stopping = true
      clearTimeout(timer)
      setChangeFeedLive(false)
      await connection?.close().catch(() => undefined)
    },
  }
}
