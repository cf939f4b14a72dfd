import { ConfigError } from './ConfigError'
import { type Env, parseHttpUrl, parseInteger, readVar } from './parsers'

export type EventsConfig = {
  /** amqp(s)://…; unset: events stay in the outbox (nothing is published, nothing fails). */
  rabbitmqUrl: string | undefined
  /** The durable topic exchange every event goes to. */
  exchange: string
  relay: {
    /** How often an idle relay looks for new outbox rows. */
    pollMs: number
    /** Rows claimed and published per transaction. */
    batchSize: number
    /** Longest wait between attempts while the broker is unreachable. */
    maxBackoffMs: number
    /** Published rows are kept this long (for inspection and replay), then deleted. */
    retentionHours: number
  }
  worker: {
    /** Unacknowledged messages a consumer holds at once. */
    prefetch: number
    /** How long a consumer remembers a message id it has handled (deduplication window). */
    dedupeHours: number
  }
  notifier: {
    /** POST each notification here; unset: notifications are written to the log. */
    webhookUrl: string | undefined
  }
}

const URL_FORM = 'amqp://USER:PASS@HOST:5672/VHOST (or amqps://)'

const readRabbitmqUrl = (env: Env): string | undefined => {
  const raw = readVar(env, 'RABBITMQ_URL')
  if (raw === undefined) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('RABBITMQ_URL', `must look like ${URL_FORM} (could not parse it)`)
  }
  if (url.protocol !== 'amqp:' && url.protocol !== 'amqps:') {
    throw new ConfigError('RABBITMQ_URL', `must look like ${URL_FORM} (got the scheme "${url.protocol}")`)
  }
  if (!url.hostname) throw new ConfigError('RABBITMQ_URL', `must look like ${URL_FORM} (no host)`)
  return raw
}

const readExchange = (env: Env): string => {
  const exchange = readVar(env, 'RABBITMQ_EXCHANGE') ?? 'cms.events'
  // AMQP names: up to 255 of letters, digits, hyphen, underscore, period, colon; "amq." is reserved.
  if (!/^[\w.:-]{1,200}$/.test(exchange) || exchange.startsWith('amq.')) {
    throw new ConfigError('RABBITMQ_EXCHANGE', `must be letters, digits, "-", "_", ".", ":" and not start with "amq." (got "${exchange}")`)
  }
  return exchange
}

export const readEventsConfig = (env: Env): EventsConfig => ({
  rabbitmqUrl: readRabbitmqUrl(env),
  exchange: readExchange(env),
  relay: {
    pollMs: parseInteger(env, 'EVENTS_RELAY_POLL_MS', 500, { min: 10, max: 60_000 }),
    batchSize: parseInteger(env, 'EVENTS_RELAY_BATCH_SIZE', 100, { min: 1, max: 10_000 }),
    maxBackoffMs: parseInteger(env, 'EVENTS_RELAY_MAX_BACKOFF_MS', 30_000, { min: 100, max: 3_600_000 }),
    retentionHours: parseInteger(env, 'EVENTS_OUTBOX_RETENTION_HOURS', 72, { min: 1, max: 24 * 365 }),
  },
  worker: {
    prefetch: parseInteger(env, 'WORKER_PREFETCH', 10, { min: 1, max: 1000 }),
    dedupeHours: parseInteger(env, 'WORKER_DEDUPE_HOURS', 72, { min: 1, max: 24 * 365 }),
  },
  notifier: {
    webhookUrl: parseHttpUrl(env, 'NOTIFIER_WEBHOOK_URL'),
  },
})
