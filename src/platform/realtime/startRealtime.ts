import type { AppConfig } from '../config'
import type { PublicRateLimitRoute } from '../http/publicRateLimit'
import type { Logger } from '../observability/logger'
import { startChangeFeed } from './subscriptions/changeFeed'
import { configureRealtimeHub } from './subscriptions/hub'

/** Start-up never waits longer than this for the feed or Payload. */
const WARM_UP_TIMEOUT_MS = 20_000

/**
 * server.ts's part of content subscriptions: hears every change through RabbitMQ (the hub then
 * tells this instance's sockets and streams) and, once the server listens, wakes Payload in Next's
 * bundle with one internal request so that WebSocket subscriptions find the reader at once.
 * Without RABBITMQ_URL there are no changes to hear: subscriptions are refused (503 / `error`).
 */
export const startRealtime = ({ config, logger }: { config: AppConfig; logger: Logger }) => {
  configureRealtimeHub({
    replayEvents: config.services.realtime.replayEvents,
    replaySeconds: config.services.realtime.replaySeconds,
    onError: (error) => logger.error({ err: error }, 'realtime: delivering a change failed'),
  })
  const url = config.events.rabbitmqUrl
  if (!url) logger.info('no RABBITMQ_URL: realtime subscriptions are refused (no changes to hear)')
  const feed = url ? startChangeFeed({ url, exchange: config.events.exchange, logger }) : undefined
  return {
    /**
     * Call once listening: waits (bounded) for the change feed, then sends the status endpoint
     * one request, which initialises Payload in Next's bundle and with it the reader.
     */
    warmUp: async (port: number): Promise<void> => {
      const bounded = (promise: Promise<unknown>) =>
        Promise.race([promise, new Promise((resolve) => setTimeout(resolve, WARM_UP_TIMEOUT_MS).unref())])
      await bounded(feed?.ready ?? Promise.resolve())
      await bounded(
        fetch(`http://127.0.0.1:${port}/api/realtime/status`, { signal: AbortSignal.timeout(WARM_UP_TIMEOUT_MS) })
          .then((response) => response.body?.cancel())
          .catch((error: unknown) => logger.warn({ err: error }, 'realtime: could not wake Payload; the first subscription will')),
      )
    },
    stop: async () => {
      await feed?.stop()
    },
  }
}

/** GET /api/realtime counted per client IP like the other public routes (each reconnect is one). */
export const realtimeRateLimitedRoute = (rule: PublicRateLimitRoute['rule']): PublicRateLimitRoute => ({
  name: 'realtime',
  methods: ['GET'],
  path: /^\/api\/realtime\/?$/,
  rule,
})
