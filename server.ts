/**
 * The one process: validates configuration, makes sure the database is there and migrated, then
 * serves Next (admin, REST, GraphQL, /health) on one port. Later pieces (the WebSocket endpoint
 * and the response cache) hang off the HTTP server created here.
 */
import nextEnv from '@next/env'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import path from 'node:path'
import next from 'next'
import { Pool } from 'pg'

import { createTokenJudge } from './src/platform/auth/bearerGate'
import { CLIENT_IP_HEADER, clientIpOf } from './src/platform/auth/requestMeta'
import { poolQuery } from './src/platform/database/sql'
import { findLiveSessions } from './src/platform/auth/tokens/liveSessions'
import { ConfigError, effectiveDatabaseUrl, getAppConfig, type AppConfig } from './src/platform/config'
import { ensureSchemaReady, SchemaNotReadyError } from './src/platform/database/ensureSchemaReady'
import { runMigrations } from './src/platform/database/runMigrations'
import { isDatabaseDown, monitorDatabaseAvailability, reportDatabaseFailure } from './src/platform/database/availability'
import { poolTimeoutOptions } from './src/platform/database/poolTimeouts'
import { createDatabaseProbe } from './src/platform/database/probeDatabase'
import { answerUnavailableOnDependencyFailure } from './src/platform/http/answerUnavailableOnDependencyFailure'
import { createDatabaseOutageGate } from './src/platform/http/databaseOutageGate'
import { createTokenGate } from './src/platform/http/tokenGate'
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from './src/platform/database/embeddedPostgres'
import { createLogger, setLogLevel } from './src/platform/observability/logger'
import { createMetricsHandler, METRICS_PATH } from './src/platform/observability/metrics/metricsEndpoint'
import { nextRoutesReader } from './src/platform/observability/metrics/nextRoutes'
import { getMetrics } from './src/platform/observability/metrics/registry'
import { createRouteTemplater } from './src/platform/observability/metrics/routeTemplate'
import { observabilityState, registerPool } from './src/platform/observability/metrics/sharedState'
import { runWithRequestContext } from './src/platform/observability/requestContext'
import { createRequestObserver } from './src/platform/observability/requestObserver'
import { nextAppOptions } from './src/platform/runtime/nextAppOptions'
import { attachWebSocketServer } from './src/platform/realtime'
import { countUnsentEvents } from './src/platform/events/outbox/countUnsentEvents'
import { startEventRelay } from './src/platform/events/relay'
import { createResponseCache, getResponseStore, startInvalidationSweeper } from './src/platform/cache/responseCache'
import { createReadParamsGuard } from './src/platform/http/readParams'
import { withJsonBodyCheck } from './src/platform/http/jsonBody'
import { animeCachedCollections } from './src/domains/anime/cachedCollections'
import { aviationCachedCollections, aviationCachedGlobals } from './src/domains/aviation/cachedCollections'
import { animeRateLimitedRoutes } from './src/domains/anime/endpoints/rateLimitedRoutes'
import { createPublicRateLimit, graphqlRateLimitedRoute } from './src/platform/http/publicRateLimit'

const cwd = process.cwd()
const logger = createLogger('server')

const loadConfig = (): AppConfig => {
  nextEnv.loadEnvConfig(cwd, process.env.NODE_ENV !== 'production', { info: () => {}, error: console.error })
  try {
    return getAppConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      // One line, naming the variable: that is all an operator needs.
      process.stderr.write(`${error.message}\n`)
      process.exit(1)
    }
    throw error
  }
}

const main = async () => {
  const config = loadConfig()
  setLogLevel(config.observability.logLevel)
  logger.level = config.observability.logLevel
  if (config.debug) logger.warn('DEBUG=true: SQL logging is on and errors are verbose. Never run production like this.')
  if (config.production && !config.observability.metricsToken) {
    logger.warn('METRICS_TOKEN is unset: /metrics is open to anyone who reaches this port. Set it, or keep the port private.')
  }

  let embedded: RunningEmbeddedPostgres | undefined
  if (!config.database.url) {
    logger.info('no DATABASE_URL or DB_HOST: using the embedded PostgreSQL')
    embedded = await startEmbeddedPostgres({ ...config.database.embedded, logger })
    await runMigrations(embedded.url, cwd)
  }

  const url = effectiveDatabaseUrl(config.database)
  await ensureSchemaReady({ url, migrationDir: path.join(cwd, 'migrations'), logger })

  const app = next(nextAppOptions({ dev: !config.production, dir: cwd, port: config.port }))
  // A GraphQL body that is not JSON is refused (400) here: Payload's route would answer 500.
  const handle = withJsonBodyCheck(app.getRequestHandler(), ['/api/graphql'])
  await app.prepare()

  // A small pool of its own for token checks (HTTP gate and WebSocket auth), apart from Payload's.
  const sessionPool = new Pool({ connectionString: url, max: 3, idleTimeoutMillis: 30_000, ...poolTimeoutOptions(config.database.timeouts) })
  sessionPool.on('error', (error) => logger.warn({ code: (error as { code?: string }).code, reason: error.message }, 'idle session-check connection failed'))
  const judgeToken = createTokenJudge(config.security, poolQuery(sessionPool))

  const metrics = getMetrics()
  // A failed database call anywhere (Payload, token checks) is confirmed by a probe; while the
  // database stays away, requests that need it answer 503 at once and the outage is logged once.
  const databaseMonitor = monitorDatabaseAvailability({
    probe: createDatabaseProbe(url, Math.min(config.database.timeouts.connectMs || 2_000, 2_000)),
    logger: createLogger('database'),
  })
  const countUnavailable = () => metrics.dependencyUnavailableResponses.inc({ dependency: 'database' })
  registerPool('session', sessionPool)
  // Counted on scrape: the relay may be idle or absent (no RABBITMQ_URL) while rows pile up.
  metrics.setBacklogProbe(() => countUnsentEvents(sessionPool))
  const serveMetrics = createMetricsHandler({ metrics, token: config.observability.metricsToken })
  const nextRoutes = nextRoutesReader(path.join(cwd, '.next'), { settled: config.production })
  const routeOf = createRouteTemplater(() => ({ next: nextRoutes(), payload: observabilityState().payloadRoutes }))
  const observe = createRequestObserver({ metrics, routeOf, logger: createLogger('http') })

  // Anonymous public reads are answered from the response cache before Next and Payload see them.
  const store = getResponseStore()
  const responseCache = store
    ? createResponseCache({
        store,
        cachedCollections: [...animeCachedCollections, ...aviationCachedCollections],
        cachedGlobals: [...aviationCachedGlobals],
        ttlSeconds: config.services.cache.ttlSeconds,
        onLookup: (result) => metrics.responseCache.inc({ result }),
      })
    : undefined
  // Applies invalidations that a writer cut off from Redis recorded but could not apply.
  const sweeper = store
    ? startInvalidationSweeper({
        query: poolQuery(sessionPool),
        store,
        intervalMs: config.services.cache.invalidationPollMs,
        logger: createLogger('response-cache'),
      })
    : undefined
  const handleUnlessDatabaseDown = createDatabaseOutageGate({ isDatabaseDown, onRefused: countUnavailable })(handle)
  const serve = (req: IncomingMessage, res: ServerResponse) =>
    responseCache ? responseCache(req, res, handleUnlessDatabaseDown) : handleUnlessDatabaseDown(req, res)
  // Bad read parameters are refused (400/404) before the cache and Payload; the caps are applied.
  const guardReadParams = createReadParamsGuard({ routeOf, limits: config.api })
  const serveCheckedReads = (req: IncomingMessage, res: ServerResponse) => (guardReadParams(req, res) ? undefined : serve(req, res))
  // A bad token is 401 whatever else is wrong with the request, so the token gate comes first.
  const gateTokens = createTokenGate({ judgeToken, isDatabaseDown, onDatabaseFailure: reportDatabaseFailure, logger })(serveCheckedReads)

  const route = (req: IncomingMessage, res: ServerResponse) => {
    // Ours, before the cache and the token gate: a scrape carries the metrics token, not a user's.
    if (req.url === METRICS_PATH || req.url?.startsWith(`${METRICS_PATH}?`)) {
      serveMetrics(req, res).catch((error: unknown) => {
        logger.error({ err: error }, 'metrics collection failed')
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' })
        res.end()
      })
      return
    }
    // The client address Payload's rate limits and session records see; never what the client claims.
    req.headers[CLIENT_IP_HEADER] = clientIpOf(req.socket.remoteAddress, req.headers['x-forwarded-for'])
    void gateTokens(req, res)
  }

  // Every request gets its id and its access-log line; code running for it logs with the id.
  // Public routes anyone may call (search, view counting, GraphQL) are limited per client IP first.
  const limits = config.publicRateLimits
  const limitPublicRoutes = createPublicRateLimit([...animeRateLimitedRoutes(limits), graphqlRateLimitedRoute(limits.graphql)])
  const server = createServer((req, res) => {
    const context = observe(req, res)
    // Whatever Payload made of a database failure (401/403 for a failed session lookup), say 503.
    answerUnavailableOnDependencyFailure(res, context, countUnavailable)
    runWithRequestContext(context, () => limitPublicRoutes(req, res, () => route(req, res)))
  })
  // `/ws` is ours (session events); every other upgrade is Next's (dev HMR).
  const realtime = attachWebSocketServer({
    server,
    judgeToken,
    fallbackUpgrade: app.getUpgradeHandler(),
    logger: createLogger('websocket'),
    connections: metrics.websocketConnections,
    liveSessions: (sessions) => findLiveSessions(poolQuery(sessionPool), sessions),
    sessionRecheckMs: config.services.realtime.sessionRecheckMs,
  })
  // Ready means sockets work: wait until this instance hears revocations. Without Redis, HTTP still
  // serves and /ws refuses clients (logged by the WebSocket server).
  await realtime.ready.catch(() => undefined)

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, resolve)
  })
  logger.info({ port: config.port, url: config.serverUrl, production: config.production }, 'ready')
  // Outbox -> RabbitMQ in every instance (row locks split the work); never in the CLI or scripts.
  const relay = startEventRelay({
    databaseUrl: url,
    poolOptions: poolTimeoutOptions(config.database.timeouts),
    events: config.events,
    logger: createLogger('events'),
    onPool: (pool) => registerPool('events', pool),
    onBatch: ({ published, refused, unreachable }) => {
      metrics.eventsPublished.inc(published)
      metrics.eventsFailed.inc({ reason: 'nack' }, refused)
      metrics.eventsFailed.inc({ reason: 'unavailable' }, unreachable)
    },
  })

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    logger.info({ signal }, 'shutting down')
    server.close()
    server.closeAllConnections()
    // Upgraded sockets are no longer the HTTP server's: closeAllConnections does not reach them.
    void realtime
      .close()
      .then(() => app.close())
      .catch(() => undefined)
      .then(() => relay.stop().catch(() => undefined))
      .then(() => sweeper?.stop())
      .then(() => databaseMonitor.stop())
      .then(() => sessionPool.end())
      .then(() => store?.close())
      .then(() => embedded?.stop())
      .finally(() => process.exit(0))
    setTimeout(() => process.exit(0), 10_000).unref()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

main().catch((error: unknown) => {
  if (error instanceof SchemaNotReadyError) {
    process.exit(1)
  }
  logger.fatal({ err: error }, 'start-up failed')
  process.exit(1)
})
