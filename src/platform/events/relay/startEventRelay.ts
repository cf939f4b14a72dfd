import { Pool, type PoolConfig } from 'pg'

import type { EventsConfig } from '../../config'
import type { Logger } from '../../observability/logger'
import { BrokerUnavailableError, createEventPublisher, type EventPublisher } from './publisher'
import { claimDueRows, deleteSentBefore, markFailed, markSent } from './outboxStore'
import { onRelayWake } from './relayWake'

export type EventRelay = {
  /** Publishes what is due now; resolves with the number of rows marked sent. For tests and drains. */
  runOnce: () => Promise<number>
  /** Events this relay has published (acked by the broker) since it started. */
  stats: () => { published: number }
  stop: () => Promise<void>
}

type RelayOptions = {
  databaseUrl: string
  /** Extra node-postgres options (the configured timeouts). */
  poolOptions?: PoolConfig
  events: EventsConfig
  logger: Pick<Logger, 'info' | 'warn' | 'error'>
  /** How long a batch waits for the broker's confirms before it is given up (and retried). */
  confirmTimeoutMs?: number
  /** Told how each batch went (metrics): events confirmed, refused by the broker, or not sent (broker unreachable). */
  onBatch?: (outcome: { published: number; refused: number; unreachable: number }) => void
  /** Told of the relay's own pool, so its connections can be watched (metrics). */
  onPool?: (pool: Pool) => void
}

/** Waits `ms`, or less if the relay is stopped meanwhile. */
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })

/**
 * Moves outbox rows to RabbitMQ: claim a batch (row locks), publish with confirms, mark the acked
 * rows sent, commit. A row is marked sent only after the broker's ack, so a crash or an outage
 * means a later retry (at-least-once; consumers dedupe by message id), never a lost event.
 * While the broker is unreachable the relay backs off (doubling up to `maxBackoffMs`) and leaves
 * the rows untouched; the backlog drains when it returns.
 *
 * Without RABBITMQ_URL it does nothing: events wait in the outbox until a broker is configured.
 */
export const startEventRelay = ({
  databaseUrl,
  poolOptions,
  events,
  logger,
  confirmTimeoutMs,
  onBatch,
  onPool,
}: RelayOptions): EventRelay => {
  const url = events.rabbitmqUrl
  if (!url) {
    logger.info('no RABBITMQ_URL: events are kept in the outbox and not published')
    return { runOnce: async () => 0, stats: () => ({ published: 0 }), stop: async () => undefined }
  }
  const { pollMs, batchSize, maxBackoffMs, retentionHours } = events.relay
  const pool = new Pool({ connectionString: databaseUrl, max: 2, idleTimeoutMillis: 30_000, ...poolOptions })
  pool.on('error', (error) => logger.warn({ err: error }, 'idle outbox connection failed'))
  onPool?.(pool)
  const publisher: EventPublisher = createEventPublisher({ url, exchange: events.exchange, confirmTimeoutMs })
  const stopping = new AbortController()
  let published = 0

  const runBatch = async (): Promise<{ claimed: number; sent: number }> => {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const rows = await claimDueRows(client, batchSize)
      if (rows.length === 0) {
        await client.query('COMMIT')
        return { claimed: 0, sent: 0 }
      }
      const outcomes = await publisher.publish(rows.map((row) => row.message)).catch((error: unknown) => {
        if (error instanceof BrokerUnavailableError) onBatch?.({ published: 0, refused: 0, unreachable: rows.length })
        throw error
      })
      const sent = rows.filter((_, index) => outcomes[index]?.ok).map((row) => row.id)
      const failed = rows.flatMap((row, index) => {
        const outcome = outcomes[index]
        return outcome && !outcome.ok ? [{ id: row.id, attempts: row.attempts, error: outcome.error }] : []
      })
      await markSent(client, sent)
      await markFailed(client, failed, maxBackoffMs)
      await client.query('COMMIT')
      published += sent.length
      onBatch?.({ published: sent.length, refused: failed.length, unreachable: 0 })
      if (failed.length > 0)
        logger.warn({ failed: failed.length, error: failed[0]?.error }, 'the broker refused some events; they will be retried')
      return { claimed: rows.length, sent: sent.length }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }

  const runOnce = async (): Promise<number> => {
    let total = 0
    for (;;) {
      const { claimed, sent } = await runBatch()
      total += sent
      if (claimed < batchSize || stopping.signal.aborted) return total
    }
  }

  // A commit in this process wakes the relay (see recordEvent); the poll finds the others' rows.
  let woken = false
  let wake: (() => void) | undefined
  const stopWaking = onRelayWake(() => {
    woken = true
    wake?.()
  })
  const idle = async (ms: number) => {
    if (woken) return
    const waker = new AbortController()
    wake = () => waker.abort()
    await sleep(ms, AbortSignal.any([stopping.signal, waker.signal]))
    wake = undefined
  }

  const loop = async () => {
    let failures = 0
    let lastCleanup = 0
    while (!stopping.signal.aborted) {
      try {
        woken = false
        await runOnce()
        if (failures > 0) logger.info({ afterFailures: failures }, 'RabbitMQ reachable again: publishing the outbox')
        failures = 0
        if (Date.now() - lastCleanup > 3_600_000) {
          lastCleanup = Date.now()
          await deleteSentBefore(pool, retentionHours)
        }
        await idle(pollMs)
      } catch (error) {
        failures += 1
        // Say it once per outage, not on every retry.
        if (failures === 1) {
          const reason = error instanceof BrokerUnavailableError ? 'RabbitMQ unavailable' : 'outbox relay failed'
          logger.warn({ err: error }, `${reason}: events wait in the outbox and are retried`)
        }
        const backoff = Math.min(maxBackoffMs, 250 * 2 ** Math.min(failures, 16))
        await sleep(backoff * (0.5 + Math.random() / 2), stopping.signal)
      }
    }
  }

  const running = loop()
  return {
    runOnce,
    stats: () => ({ published }),
    stop: async () => {
      stopping.abort()
      stopWaking()
      await running
      await publisher.close()
      await pool.end()
    },
  }
}
