import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Step } from './pipeline'

type Logger = { error: (details: object, message: string) => void }

/**
 * `path` (GET /metrics) is answered by `serveMetrics`, ahead of the cache and the token gate: a
 * scrape carries the metrics token, not a user's. A failed collection is a bare 500, logged.
 */
export const metricsRoute =
  ({
    path,
    serveMetrics,
    logger,
  }: {
    path: string
    serveMetrics: (req: IncomingMessage, res: ServerResponse) => Promise<void>
    logger: Logger
  }): Step =>
  (next) =>
  (req, res) => {
    if (req.url !== path && !req.url?.startsWith(`${path}?`)) return next(req, res)
    serveMetrics(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'metrics collection failed')
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' })
      res.end()
    })
  }
