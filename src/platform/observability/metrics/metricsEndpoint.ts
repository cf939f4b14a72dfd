import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

import { readBearerToken } from '../../auth/tokens/bearerToken'
import type { Metrics } from './registry'

export const METRICS_PATH = '/metrics'

/** Compares digests, so neither the token's content nor its length leaks through timing. */
const sameToken = (given: string, expected: string): boolean =>
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest())

/**
 * `GET /metrics` in Prometheus text format. With `token` set, a scrape must send
 * `Authorization: Bearer <token>`; without, it is open (keep the port off the public network).
 */
export const createMetricsHandler =
  ({ metrics, token }: { metrics: Metrics; token: string | undefined }) =>
  async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ errors: [{ message: 'Only GET reads /metrics.' }] }))
      return
    }
    if (token) {
      const given = readBearerToken(req.headers.authorization)
      if (!given || !sameToken(given, token)) {
        const error = given ? 'Bearer realm="metrics", error="invalid_token"' : 'Bearer realm="metrics"'
        res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': error, 'Cache-Control': 'no-store' })
        res.end(JSON.stringify({ errors: [{ message: 'The metrics token is missing or wrong.' }] }))
        return
      }
    }
    const body = await metrics.registry.metrics()
    res.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' })
    res.end(req.method === 'HEAD' ? undefined : body)
  }
