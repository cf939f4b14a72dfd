import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

import { observabilityState } from './sharedState'

/** Seconds; from a cache hit (~1 ms) to a slow admin page or upload. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

/** Counts the outbox rows not sent yet; set by whoever can query the database (server.ts). */
export type BacklogProbe = () => Promise<number>

const createMetrics = () => {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const poolGauge = (name: string, help: string, read: (pool: { totalCount: number; idleCount: number; waitingCount: number }) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['pool'] as const,
      registers: [registry],
      // Read on scrape from the live pools: nothing to keep up to date on the request path.
      collect() {
        this.reset()
        for (const [pool, stats] of observabilityState().pools) this.set({ pool }, read(stats))
      },
    })
  let backlogProbe: BacklogProbe | undefined
  const metrics = {
    registry,
    httpRequestDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by route template, method and status code, from arrival to the last byte sent',
      labelNames: ['route', 'method', 'status_code'] as const,
      buckets: DURATION_BUCKETS,
      registers: [registry],
    }),
    dbPoolInUse: poolGauge('db_pool_connections_in_use', 'Connections checked out of the pool', (pool) => pool.totalCount - pool.idleCount),
    dbPoolIdle: poolGauge('db_pool_connections_idle', 'Open connections waiting in the pool', (pool) => pool.idleCount),
    dbPoolWaiting: poolGauge(
      'db_pool_requests_waiting',
      'Queries queued for a connection (the pool is exhausted)',
      (pool) => pool.waitingCount,
    ),
    responseCache: new Counter({
      name: 'response_cache_requests_total',
      help: 'Cacheable requests by result: hit (served from the cache), miss (served by Payload, then kept), bypass (store unavailable)',
      labelNames: ['result'] as const,
      registers: [registry],
    }),
    outboxBacklog: new Gauge({
      name: 'events_outbox_backlog',
      help: 'Events in the outbox not yet published to RabbitMQ (counted on scrape)',
      registers: [registry],
      async collect() {
        if (!backlogProbe) return
        // A failed count leaves the last value; the scrape itself must not fail.
        const count = await backlogProbe().catch(() => undefined)
        if (count !== undefined) this.set(count)
      },
    }),
    eventsPublished: new Counter({
      name: 'events_published_total',
      help: 'Events the relay published and the broker confirmed',
      registers: [registry],
    }),
    eventsFailed: new Counter({
      name: 'events_publish_failed_total',
      help: 'Failed attempts to publish an event (refused by the broker, or the broker unreachable); the event is retried',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    websocketConnections: new Gauge({
      name: 'websocket_connections',
      help: 'Open WebSocket connections on /ws',
      registers: [registry],
    }),
    dependencyUp: new Gauge({
      name: 'dependency_up',
      help: 'Whether this instance reaches a dependency (1) or not (0): database (required), redis (degrades)',
      labelNames: ['dependency'] as const,
      registers: [registry],
    }),
    dependencyUnavailableResponses: new Counter({
      name: 'dependency_unavailable_responses_total',
      help: 'Requests answered 503 + Retry-After because a dependency they need was unavailable',
      labelNames: ['dependency'] as const,
      registers: [registry],
    }),
    setBacklogProbe: (probe: BacklogProbe | undefined) => {
      backlogProbe = probe
    },
  }
  // Series exist from the start (at 0), so rate() and ratios work before the first event.
  for (const result of ['hit', 'miss', 'bypass']) metrics.responseCache.inc({ result }, 0)
  for (const reason of ['nack', 'unavailable']) metrics.eventsFailed.inc({ reason }, 0)
  for (const dependency of ['database', 'redis']) {
    metrics.dependencyUp.set({ dependency }, 1)
    metrics.dependencyUnavailableResponses.inc({ dependency }, 0)
  }
  return metrics
}

export type Metrics = ReturnType<typeof createMetrics>

/**
 * The process's one registry, on globalThis: several copies of this module (server.ts's bundle,
 * Next's) must not register the same metric twice or split the counts.
 */
export const getMetrics = (): Metrics =>
  ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.observability.metrics')] ??= createMetrics()) as Metrics
