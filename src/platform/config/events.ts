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
  /** Posts published articles to a Telegram chat; set when TELEGRAM_BOT_TOKEN and TELEGRAM_CHAT_ID are. */
  telegramChannel: TelegramChannelConfig | undefined
}

export type TelegramChannelConfig = {
  botToken: string
  chatId: string
  apiBaseUrl: string
  /** The public link of an article, `{slug}` (or `{id}`) filled in. */
  articleUrlTemplate: string
}

/** Bot tokens look like `123456:ABC-def_...`. */
export const BOT_TOKEN = /^\d{1,20}:[A-Za-z0-9_-]{20,100}$/

const readTelegramChannel = (env: Env, serverUrl: string): TelegramChannelConfig | undefined => {
  const chatId = readVar(env, 'TELEGRAM_CHAT_ID')
  if (!chatId) return undefined
  const botToken = readVar(env, 'TELEGRAM_BOT_TOKEN')
  if (!botToken) throw new ConfigError('TELEGRAM_BOT_TOKEN', 'is required when TELEGRAM_CHAT_ID is set')
  if (!BOT_TOKEN.test(botToken)) throw new ConfigError('TELEGRAM_BOT_TOKEN', 'must look like 123456789:AAE... (the token @BotFather gave)')
  // A numeric id (-100… for channels) or a public @channelname.
  if (!/^(-?\d{1,20}|@[A-Za-z0-9_]{5,32})$/.test(chatId)) {
    throw new ConfigError('TELEGRAM_CHAT_ID', `must be a numeric chat id or @channelname (got "${chatId}")`)
  }
  const articleUrlTemplate = readVar(env, 'TELEGRAM_ARTICLE_URL') ?? `${serverUrl}/articles/{slug}`
  if (!articleUrlTemplate.includes('{slug}') && !articleUrlTemplate.includes('{id}')) {
    throw new ConfigError('TELEGRAM_ARTICLE_URL', 'must contain {slug} or {id}')
  }
  parseHttpUrl({ TELEGRAM_ARTICLE_URL: articleUrlTemplate.replace(/\{(slug|id)\}/g, 'x') }, 'TELEGRAM_ARTICLE_URL')
  return {
    botToken,
    chatId,
    apiBaseUrl: parseHttpUrl(env, 'TELEGRAM_API_BASE_URL', 'https://api.telegram.org') as string,
    articleUrlTemplate,
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

export const readEventsConfig = (env: Env, serverUrl = 'http://localhost:3000'): EventsConfig => ({
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
  telegramChannel: readTelegramChannel(env, serverUrl),
})
