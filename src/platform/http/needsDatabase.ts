import type { IncomingMessage } from 'node:http'

/**
 * Requests served by Payload, which needs the database for each: the REST and GraphQL API and the
 * admin panel. Static assets, /health (which reports the outage itself) and /metrics do not.
 */
export const needsDatabase = (req: Pick<IncomingMessage, 'url'>): boolean => {
  const url = req.url ?? '/'
  return url.startsWith('/api/') || url === '/api' || url === '/admin' || url.startsWith('/admin/') || url.startsWith('/admin?')
}
