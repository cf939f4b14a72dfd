import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Logger } from './logger'
import type { Metrics } from './metrics/registry'
import type { RouteTemplater } from './metrics/routeTemplate'
import { REQUEST_ID_HEADER, requestIdFrom, type RequestContext } from './requestContext'

/** Routes polled by machines: their access lines are `debug`, so LOG_LEVEL=info stays readable. */
const QUIET_ROUTES = new Set(['/health', '/metrics', '/_next/static/*', '/_next/*'])

/** 503 is a dependency outage, logged once by its monitor: its access lines are no errors. */
const SERVICE_UNAVAILABLE = 503

/** Not an HTTP status: nginx's convention for a client that went away before the response ended. */
const CLIENT_CLOSED = 499

const durationSince = (started: bigint): number => Number(process.hrtime.bigint() - started) / 1e9

/**
 * Gives each request its id (the caller's sane `X-Request-Id`, else a UUID) on the request headers,
 * so Next and Payload see it, and on the response, whoever writes it (Next, the cache, server.ts);
 * when the response ends, records its duration under its route template and writes one JSON
 * access-log line. Returns the context to run the request in.
 */
export const createRequestObserver =
  ({ metrics, routeOf, logger }: { metrics: Metrics; routeOf: RouteTemplater; logger: Logger }) =>
  (req: IncomingMessage, res: ServerResponse): RequestContext => {
    const started = process.hrtime.bigint()
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER])
    req.headers[REQUEST_ID_HEADER] = requestId
    res.setHeader('X-Request-Id', requestId)
    const method = req.method ?? 'GET'
    // Next may rewrite req.url while handling: keep what the client asked for, without the query.
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    const context: RequestContext = { requestId }
    res.once('close', () => {
      const seconds = durationSince(started)
      const status = res.writableFinished ? res.statusCode : CLIENT_CLOSED
      const route = routeOf(method, path)
      metrics.httpRequestDuration.observe({ route, method, status_code: String(status) }, seconds)
      const unexpected = status >= 500 && status !== CLIENT_CLOSED && status !== SERVICE_UNAVAILABLE
      const level = unexpected ? 'error' : QUIET_ROUTES.has(route) ? 'debug' : 'info'
      const contentLength = Number(res.getHeader('content-length'))
      // The id named here rather than by entering the request's context for one line: the same
      // line (the mixin's request_id comes first either way), without the context switch.
      logger[level](
        {
          request_id: requestId,
          method,
          path,
          route,
          status,
          duration_ms: Math.round(seconds * 1e4) / 10,
          content_length: Number.isFinite(contentLength) ? contentLength : undefined,
        },
        'request',
      )
    })
    return context
  }
