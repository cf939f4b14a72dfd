/**
 * The one process: validates configuration, makes sure the database is there and migrated, then
 * serves Next (admin, REST, GraphQL, /health) on one port, with the request pipeline of
 * src/platform/http in front of it and the WebSocket endpoint beside it. `main` reads as the list
 * of its steps; each step is a small function below.
 */
import nextEnv from '@next/env'
import { createServer, type Server } from 'node:http'
import path from 'node:path'
import next from 'next'
import { Pool } from 'pg'

import { createTokenJudge } from './src/platform/auth/bearerGate'
import { forgetEndedSessions } from './src/platform/auth/forgetEndedSessions'
import { createSessionVerdictCache } from './src/platform/auth/sessionVerdictCache'
import { findLiveSessions } from './src/platform/auth/tokens/liveSessions'
import { ConfigError, effectiveDatabaseUrl, getAppConfig, type AppConfig } from './src/platform/config'
import { ensureSchemaReady, SchemaNotReadyError } from './src/platform/database/ensureSchemaReady'
import { runMigrations } from './src/platform/database/runMigrations'
import { isDatabaseDown, monitorDatabaseAvailability, reportDatabaseFailure } from './src/platform/database/availability'
import { poolTimeoutOptions } from './src/platform/database/poolTimeouts'
import { createDatabaseProbe } from './src/platform/database/probeDatabase'
import { poolQuery } from './src/platform/database/sql'
import { startEmbeddedPostgres, type RunningEmbeddedPostgres } from './src/platform/database/embeddedPostgres'
import { stampClientIp } from './src/platform/http/clientIp'
import { createDatabaseOutageGate } from './src/platform/http/databaseOutageGate'
import { jsonBodyStep } from './src/platform/http/jsonBody'
import { metricsRoute } from './src/platform/http/metricsRoute'
import { type Handler, pipeline } from './src/platform/http/pipeline'
import { graphqlRateLimitedRoute, publicRateLimitStep } from './src/platform/http/publicRateLimit'
import { createReadParamsGuard } from './src/platform/http/readParams/readParamsGuard'
import { readParamsStep } from './src/platform/http/readParamsStep'
import { privateResponsesStep } from './src/platform/http/privateResponsesStep'
import { requestContext } from './src/platform/http/requestContext'
import { responseCacheStep } from './src/platform/http/responseCacheStep'
import { createTokenGate } from './src/platform/http/tokenGate'
import { isVerifiedReader } from './src/platform/http/verifiedReaders'
import { createBufferedLogger, createLogger, setLogLevel } from './src/platform/observability/logger'
import { createMetricsHandler, METRICS_PATH } from './src/platform/observability/metrics/metricsEndpoint'
import { nextRoutesReader } from './src/platform/observability/metrics/nextRoutes'
import { getMetrics, type Metrics } from './src/platform/observability/metrics/registry'
import { createRouteTemplater } from './src/platform/observability/metrics/routeTemplate'
import { observabilityState, registerPool } from './src/platform/observability/metrics/sharedState'
import { createRequestObserver } from './src/platform/observability/requestObserver'
import { nextAppOptions } from './src/platform/runtime/nextAppOptions'
import { runShutdownTasks } from './src/platform/runtime/shutdownTasks'
import { attachWebSocketServer, realtimeRateLimitedRoute, startRealtime } from './src/platform/realtime'
import { countUnsentEvents } from './src/platform/events/outbox/countUnsentEvents'
import { startEventRelay } from './src/platform/events/relay'
import { createResponseCache, getResponseStore, startInvalidationSweeper } from './src/platform/cache/responseCache'
import { cachedCollections, cachedGlobals, readerSharedCollections } from './src/cachedContent'
import { animeRateLimitedRoutes } from './src/domains/anime/endpoints/rateLimitedRoutes'
import { createSearchFastPath, createSearchPool, poolSearchSource } from './src/domains/anime/search/fastPath'
import { AnimeSearchIndex, registerAnimeSearchIndex } from './src/domains/anime/search/memory/searchIndex'
import { isDatabaseUnavailableError } from './src/platform/database/connectionErrors'
import { writeServiceUnavailable } from './src/platform/http/serviceUnavailable'

const cwd = process.cwd()
const logger = createLogger('server')

type NextApp = ReturnType<typeof next>

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

const announceSettings = (config: AppConfig): void => {
  setLogLevel(config.observability.logLevel)
  logger.level = config.observability.logLevel
  if (config.debug) logger.warn('DEBUG=true: SQL logging is on and errors are verbose. Never run production like this.')
  if (config.production && !config.observability.metricsToken) {
    logger.warn('METRICS_TOKEN is unset: /metrics is open to anyone who reaches this port. Set it, or keep the port private.')
  }
}

/** No DATABASE_URL or DB_HOST: the embedded PostgreSQL, started and migrated here. */
const startEmbeddedDatabaseIfNeeded = async (config: AppConfig): Promise<RunningEmbeddedPostgres | undefined> => {
  if (config.database.url) return undefined
  logger.info('no DATABASE_URL or DB_HOST: using the embedded PostgreSQL')
  // Stopped by this process's shutdown, after every pool has closed (exitOnSignals).
  const embedded = await startEmbeddedPostgres({ ...config.database.embedded, logger, leaveSignalsToCaller: true })
  await runMigrations(embedded.url, cwd)
  return embedded
}

const prepareNext = async (config: AppConfig): Promise<NextApp> => {
  const app = next(nextAppOptions({ dev: !config.production, dir: cwd, port: config.port }))
  await app.prepare()
  return app
}

/** What the pipeline, the WebSocket server and the shutdown share: pools, monitors, metrics, the cache store. */
const startServices = (config: AppConfig, url: string) => {
  // A small pool of its own for token checks (HTTP gate and WebSocket auth), apart from Payload's.
  const sessionPool = new Pool({
    connectionString: url,
    max: 3,
    idleTimeoutMillis: 30_000,
    ...poolTimeoutOptions(config.database.timeouts),
  })
  sessionPool.on('error', (error) =>
    logger.warn({ code: (error as { code?: string }).code, reason: error.message }, 'idle session-check connection failed'),
  )
  const metrics = getMetrics()
  registerPool('session', sessionPool)
  // The anime search's fast path reads through a pool of its own, with the search's settings.
  const searchPool = config.search.fastPath ? createSearchPool(url, poolTimeoutOptions(config.database.timeouts)) : undefined
  if (searchPool) {
    searchPool.on('error', (error) =>
      logger.warn({ code: (error as { code?: string }).code, reason: error.message }, 'idle search connection failed'),
    )
    registerPool('search', searchPool)
  }
  // The in-process search index, built in the background (the SQL answers until it is ready);
  // registered for the anime hooks, which refresh it after each commit of this instance.
  const searchIndex = searchPool && config.search.index ? new AnimeSearchIndex(searchPool, url, createLogger('search-index')) : undefined
  registerAnimeSearchIndex(searchIndex)
  void searchIndex?.start()
  // Counted on scrape: the relay may be idle or absent (no RABBITMQ_URL) while rows pile up.
  metrics.setBacklogProbe(() => countUnsentEvents(sessionPool))
  // A failed database call anywhere (Payload, token checks) is confirmed by a probe; while the
  // database stays away, requests that need it answer 503 at once and the outage is logged once.
  const databaseMonitor = monitorDatabaseAvailability({
    probe: createDatabaseProbe(url, Math.min(config.database.timeouts.connectMs || 2_000, 2_000)),
    logger: createLogger('database'),
  })
  const store = getResponseStore()
  // Applies invalidations that a writer cut off from Redis recorded but could not apply.
  const sweeper = store
    ? startInvalidationSweeper({
        query: poolQuery(sessionPool),
        store,
        intervalMs: config.services.cache.invalidationPollMs,
        logger: createLogger('response-cache'),
      })
    : undefined
  const nextRoutes = nextRoutesReader(path.join(cwd, '.next'), { settled: config.production })
  const routeOf = createRouteTemplater(() => ({ next: nextRoutes(), payload: observabilityState().payloadRoutes }))
  const judgeSession = createTokenJudge(config.security, poolQuery(sessionPool))
  // The HTTP gate remembers live sessions for SESSION_VERDICT_TTL_MS; ended ones are forgotten at once.
  const verdicts = createSessionVerdictCache({ judge: judgeSession, ttlMs: config.security.sessionVerdictTtlMs })
  const stopForgetting = config.security.sessionVerdictTtlMs > 0 ? forgetEndedSessions(verdicts, logger) : () => undefined
  return {
    sessionPool,
    searchPool,
    searchIndex,
    judgeToken: verdicts.judge,
    // A socket authenticates once per connection: asked of the database every time, as before.
    judgeSocketToken: judgeSession,
    stopForgetting,
    metrics,
    databaseMonitor,
    store,
    sweeper,
    routeOf,
  }
}

type Services = ReturnType<typeof startServices>

/**
 * The request pipeline, in the order a request meets it. Each step is in src/platform/http and
 * unit-tested there (tests/unit/platform/http/pipelineSteps.spec.ts).
 */
const requestPipeline = (
  config: AppConfig,
  app: NextApp,
  { metrics, judgeToken, store, routeOf, searchPool, searchIndex }: Services,
): Handler => {
  const countUnavailable = () => metrics.dependencyUnavailableResponses.inc({ dependency: 'database' })
  const limits = config.publicRateLimits
  return pipeline(
    [
      // Every request gets its id and its access-log line; a database failure Payload hid becomes 503.
      requestContext({
        observe: createRequestObserver({ metrics, routeOf, logger: createBufferedLogger('http') }),
        onDependencyFailure: countUnavailable,
      }),
      // Public routes anyone may call (search, view counting, GraphQL) are limited per client IP first.
      publicRateLimitStep([
        ...animeRateLimitedRoutes(limits),
        graphqlRateLimitedRoute(limits.graphql),
        realtimeRateLimitedRoute(limits.realtime),
      ]),
      // Ours, before the cache and the token gate: a scrape carries the metrics token, not a user's.
      metricsRoute({
        path: METRICS_PATH,
        serveMetrics: createMetricsHandler({ metrics, token: config.observability.metricsToken }),
        logger,
      }),
      stampClientIp,
      // A bad token is 401 whatever else is wrong with the request, so the token gate comes first.
      createTokenGate({ judgeToken, isDatabaseDown, onDatabaseFailure: reportDatabaseFailure, logger }),
      // Bad read parameters are refused (400/404) before the cache and Payload; the caps are applied.
      readParamsStep(createReadParamsGuard({ routeOf, limits: config.api })),
      // Public reads (anonymous, or by a non-staff user the token gate verified) are answered from the
      // response cache before Next and Payload see them; other signed-in API responses are private.
      responseCacheStep(
        store
          ? createResponseCache({
              store,
              cachedCollections,
              cachedGlobals,
              readerSharedCollections,
              isVerifiedReader,
              ttlSeconds: config.services.cache.ttlSeconds,
              http: config.services.cache.http,
              onLookup: (result) => metrics.responseCache.inc({ result }),
            })
          : undefined,
      ),
      // Without the cache, responses to a token are still never kept by browsers or CDNs.
      store ? undefined : privateResponsesStep,
      createDatabaseOutageGate({ isDatabaseDown, onRefused: countUnavailable }),
      // The anime search and suggest are answered here, not through Next and Payload (same contract).
      searchPool
        ? createSearchFastPath({
            source: poolSearchSource(searchPool, config.serverUrl),
            index: searchIndex,
            allowedOrigins: config.security.allowedOrigins,
            isDatabaseUnavailable: isDatabaseUnavailableError,
            onDatabaseFailure: (error) => {
              countUnavailable()
              reportDatabaseFailure(error)
            },
            writeUnavailable: writeServiceUnavailable,
            logger: createLogger('search'),
          })
        : undefined,
      // A GraphQL body that is not JSON is refused (400) here: Payload's route would answer 500.
      jsonBodyStep(['/api/graphql']),
    ],
    app.getRequestHandler(),
  )
}

/** `/ws` is ours (session events); every other upgrade is Next's (dev HMR). */
const attachRealtime = async (server: Server, app: NextApp, config: AppConfig, { judgeSocketToken, metrics, sessionPool }: Services) => {
  const realtime = attachWebSocketServer({
    server,
    judgeToken: judgeSocketToken,
    fallbackUpgrade: app.getUpgradeHandler(),
    logger: createLogger('websocket'),
    connections: metrics.websocketConnections,
    liveSessions: (sessions) => findLiveSessions(poolQuery(sessionPool), sessions),
    sessionRecheckMs: config.services.realtime.sessionRecheckMs,
    subscriptions: config.services.realtime,
  })
  // Ready means sockets work: wait until this instance hears revocations. Without Redis, HTTP still
  // serves and /ws refuses clients (logged by the WebSocket server).
  await realtime.ready.catch(() => undefined)
  return realtime
}

const listen = (server: Server, port: number): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, resolve)
  })

/** Outbox -> RabbitMQ in every instance (row locks split the work); never in the CLI or scripts. */
const startRelay = (config: AppConfig, url: string, metrics: Metrics) =>
  startEventRelay({
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

type ShutdownStep = [name: string, stop: () => unknown]

/** How long one shutdown step may take before the next one runs anyway (all of them: 10 s). */
const SHUTDOWN_STEP_TIMEOUT_MS = 3_000

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

/**
 * On SIGTERM/SIGINT: stops taking requests, then runs `steps` one after the other (a failed one
 * is logged and the rest still run), then exits; after 10 s it exits anyway.
 */
const exitOnSignals = (server: Server, steps: ShutdownStep[]): void => {
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    logger.info({ signal }, 'shutting down')
    setTimeout(() => process.exit(0), 10_000).unref()
    server.close()
    server.closeAllConnections()
    for (const [name, stop] of steps) {
      const started = Date.now()
      try {
        // A step that hangs must not keep the ones after it (the pools, the embedded database) from running.
        const finished = await Promise.race([
          Promise.resolve()
            .then(stop)
            .then(() => true),
          delay(SHUTDOWN_STEP_TIMEOUT_MS).then(() => false),
        ])
        if (!finished) logger.warn({ step: name, timeoutMs: SHUTDOWN_STEP_TIMEOUT_MS }, 'shutdown step did not finish in time; going on')
      } catch (error) {
        logger.debug({ err: error, step: name }, 'shutdown step failed')
      }
      logger.debug({ step: name, ms: Date.now() - started }, 'shutdown step done')
    }
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))
}

const main = async () => {
  const config = loadConfig()
  announceSettings(config)
  const embedded = await startEmbeddedDatabaseIfNeeded(config)
  const url = effectiveDatabaseUrl(config.database)
  await ensureSchemaReady({ url, migrationDir: path.join(cwd, 'migrations'), logger })
  const app = await prepareNext(config)
  const services = startServices(config, url)
  const server = createServer(requestPipeline(config, app, services))
  const realtime = await attachRealtime(server, app, config, services)
  // Content subscriptions hear every change through RabbitMQ (src/platform/realtime/subscriptions).
  const contentChanges = startRealtime({ config, logger: createLogger('realtime') })
  await listen(server, config.port)
  await contentChanges.warmUp(config.port)
  logger.info({ port: config.port, url: config.serverUrl, production: config.production }, 'ready')
  const relay = startRelay(config, url, services.metrics)

  // Every connection closes before the embedded database stops: it would cut them ("terminating connection").
  exitOnSignals(server, [
    // Upgraded sockets are no longer the HTTP server's: closeAllConnections does not reach them.
    ['websockets', () => realtime.close()],
    ['next', () => app.close()],
    ['event relay', () => relay.stop()],
    ['content changes', () => contentChanges.stop()],
    ['invalidation sweeper', () => services.sweeper?.stop()],
    ['database monitor', () => services.databaseMonitor.stop()],
    ['session verdicts', () => services.stopForgetting()],
    ['session pool', () => services.sessionPool.end()],
    ['search index', () => services.searchIndex?.stop()],
    ['search pool', () => services.searchPool?.end()],
    // Payload's pools and the job runner's lock connection (registered from Next's bundle).
    ['payload', () => runShutdownTasks((name, error) => logger.debug({ err: error, task: name }, 'shutdown task failed'))],
    ['response store', () => services.store?.close()],
    ['embedded database', () => embedded?.stop()],
  ])
}

main().catch((error: unknown) => {
  if (error instanceof SchemaNotReadyError) {
    process.exit(1)
  }
  logger.fatal({ err: error }, 'start-up failed')
  process.exit(1)
})
