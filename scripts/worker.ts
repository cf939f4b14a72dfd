/**
 * `npm run worker`: the event consumers, as their own process: the notifier (articles.published
 * and anime.created -> NOTIFIER_WEBHOOK_URL or the log) and, when TELEGRAM_BOT_TOKEN and
 * TELEGRAM_CHAT_ID are set, the Telegram channel (articles.published -> a chat post). Needs RABBITMQ_URL
 * and the migrated database (for the receipts that deduplicate messages). Stops on SIGTERM/SIGINT.
 * The outbox relay is not here: it runs in every app server (server.ts).
 */
// First: reads .env and validates the configuration.
import '@/platform/cli/scriptEnv'
import { Pool } from 'pg'

import { effectiveDatabaseUrl, getAppConfig } from '@/platform/config'
import { FatalError, runScript } from '@/platform/cli/runScript'
import { poolTimeoutOptions } from '@/platform/database/poolTimeouts'
import {
  type ConsumerDefinition,
  notifierConsumer,
  postgresReceipts,
  startConsumer,
  telegramChannelConsumer,
} from '@/platform/events/consumers'
import { createLogger, setLogLevel } from '@/platform/observability/logger'

const main = async (): Promise<number> => {
  const { database, events, observability } = getAppConfig()
  setLogLevel(observability.logLevel)
  if (!events.rabbitmqUrl) throw new FatalError('RABBITMQ_URL is not set: there is no broker to consume from')
  const logger = createLogger('worker')
  const pool = new Pool({
    connectionString: effectiveDatabaseUrl(database),
    max: events.worker.prefetch + 1,
    ...poolTimeoutOptions(database.timeouts),
  })
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection failed'))
  try {
    await pool.query('SELECT 1 FROM event_receipts LIMIT 1')
  } catch (error) {
    await pool.end()
    throw new FatalError(`the database is not reachable or not migrated (run "npm run migrate"): ${(error as Error).message}`)
  }

  const definitions: ConsumerDefinition[] = [
    notifierConsumer({ webhookUrl: events.notifier.webhookUrl, logger }),
    ...(events.telegramChannel ? [telegramChannelConsumer(events.telegramChannel)] : []),
  ]
  const rabbitmqUrl = events.rabbitmqUrl
  const consumers = definitions.map((definition) =>
    startConsumer({
      url: rabbitmqUrl,
      exchange: events.exchange,
      definition,
      receipts: postgresReceipts(pool),
      logger,
      prefetch: events.worker.prefetch,
      dedupeHours: events.worker.dedupeHours,
    }),
  )
  logger.info(
    {
      exchange: events.exchange,
      delivery: events.notifier.webhookUrl ? 'webhook' : 'log',
      telegramChannel: Boolean(events.telegramChannel),
    },
    'worker started',
  )

  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'))
    process.once('SIGINT', () => resolve('SIGINT'))
  })
  logger.info({ signal }, 'worker stopping')
  await Promise.all(consumers.map((consumer) => consumer.stop()))
  await pool.end()
  return 0
}

runScript('worker', main)
