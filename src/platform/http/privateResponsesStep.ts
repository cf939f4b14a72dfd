import type { Step } from './pipeline'

/** What an API response to a request carrying a token is, unless the response cache shares it. */
export const PERSONAL_CACHE_CONTROL = 'private, no-store'

/**
 * Without the response cache (CACHE_ENABLED=false), which marks the signed-in responses it does
 * not share itself: API responses to a token (header or Payload's cookie) are `private, no-store`,
 * so no browser or CDN keeps a staff or personal response.
 */
export const privateResponsesStep: Step = (next) => (req, res) => {
  if (req.url?.startsWith('/api/') && (req.headers.authorization || /(?:^|;\s*)payload-token=/.test(req.headers.cookie ?? ''))) {
    res.setHeader('cache-control', PERSONAL_CACHE_CONTROL)
  }
  return next(req, res)
}
