import type { ChannelModel, ConfirmChannel } from 'amqplib'

import { connectBroker } from '../connectBroker'

import type { EventMessage } from '../eventMessage'

export type PublishOutcome = { ok: true } | { ok: false; error: string }

export type EventPublisher = {
  /** Publishes each message and resolves once the broker has acked or nacked every one. */
  publish: (messages: EventMessage[]) => Promise<PublishOutcome[]>
  close: () => Promise<void>
}

export class BrokerUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'BrokerUnavailableError'
  }
}

type Connected = { connection: ChannelModel; channel: ConfirmChannel }

/**
 * One connection and one confirm channel, opened on first use and again after it is lost.
 * A lost connection fails the whole batch (BrokerUnavailableError): nothing is marked sent.
 */
export const createEventPublisher = ({
  url,
  exchange,
  confirmTimeoutMs = 15_000,
}: {
  url: string
  exchange: string
  confirmTimeoutMs?: number
}): EventPublisher => {
  let current: Promise<Connected> | undefined
  let active: ChannelModel | undefined
  let broken = false

  const connect = async (): Promise<Connected> => {
    const connection = await connectBroker(url, 'cms-event-relay')
    // Only the connection in use: a late close of one already given up must not drop its successor.
    const forget = () => {
      if (active !== connection) return
      active = undefined
      broken = true
      current = undefined
      // A channel closed by the broker leaves the connection open: close it, or it leaks.
      void connection.close().catch(() => undefined)
    }
    connection.on('error', forget)
    connection.on('close', forget)
    try {
      const channel = await connection.createConfirmChannel()
      channel.on('error', () => undefined)
      channel.on('close', forget)
      await channel.assertExchange(exchange, 'topic', { durable: true })
      active = connection
      broken = false
      return { connection, channel }
    } catch (error) {
      await connection.close().catch(() => undefined)
      throw error
    }
  }

  const connected = (): Promise<Connected> => {
    current ??= connect().catch((error: unknown) => {
      current = undefined
      throw new BrokerUnavailableError(`cannot reach RabbitMQ: ${(error as Error).message}`, { cause: error })
    })
    return current
  }

  const publish = async (messages: EventMessage[]): Promise<PublishOutcome[]> => {
    const { channel } = await connected()
    const confirms = messages.map(
      (message) =>
        new Promise<PublishOutcome>((resolve) => {
          try {
            channel.publish(
              exchange,
              message.type,
              Buffer.from(JSON.stringify(message)),
              {
                persistent: true,
                messageId: message.id,
                contentType: 'application/json',
                type: message.type,
                timestamp: Math.floor(Date.parse(message.occurredAt) / 1000),
                appId: 'cms',
              },
              (error) => resolve(error ? { ok: false, error: String(error.message ?? error) } : { ok: true }),
            )
          } catch (error) {
            resolve({ ok: false, error: (error as Error).message })
          }
        }),
    )
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new BrokerUnavailableError(`no publisher confirms within ${confirmTimeoutMs} ms`)), confirmTimeoutMs)
    })
    try {
      const outcomes = await Promise.race([Promise.all(confirms), timeout])
      if (broken) throw new BrokerUnavailableError('the connection to RabbitMQ was lost while publishing')
      return outcomes
    } catch (error) {
      // Unconfirmed after a timeout: the channel is suspect; start afresh next time.
      const suspect = active
      active = undefined
      current = undefined
      void suspect?.close().catch(() => undefined)
      throw error
    } finally {
      clearTimeout(timer)
    }
  }

  const close = async () => {
    const open = current
    current = undefined
    active = undefined
    if (!open) return
    const { connection } = await open.catch(() => ({ connection: undefined }))
    await connection?.close().catch(() => undefined)
  }

  return { publish, close }
}
