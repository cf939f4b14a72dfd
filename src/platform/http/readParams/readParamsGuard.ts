import type { IncomingMessage, ServerResponse } from 'node:http'

import { checkRestRead } from './checkRestRead'
import { refusalBody } from './problems'
import { type PublishedReadConfig, publishedReadConfig } from './publishedShapes'
import type { ReadLimits } from './readLimits'

/**
 * A read already found acceptable: what the check depended on besides the URL (Payload's published
 * config, the route the path matched) and the URL to hand on (undefined: unchanged).
 */
type Accepted = { published: PublishedReadConfig | undefined; route: string; url: string | undefined }

/** Reads remembered (a cheap bound: emptied when full), and only URLs up to this length. */
const MAX_REMEMBERED_READS = 10_000
const MAX_REMEMBERED_URL_LENGTH = 1_024

/**
 * server.ts's step: refuses a REST read with bad parameters (400 naming the parameter, 404 for an
 * id that cannot exist) before the response cache and Payload see it, and hands on the URL with
 * the caps applied. Returns true when it has answered the request.
 *
 * The check is a function of the method, the URL, the route the path matches and the published
 * config alone, so an acceptable GET or HEAD is remembered: the same URL again (a cache hit's
 * usual case) is handed on as before, without parsing its query again, as long as the route and
 * the config are the same objects. Refusals are worked out each time.
 */
export const createReadParamsGuard = ({ routeOf, limits }: { routeOf: (method: string, path: string) => string; limits: ReadLimits }) => {
  const accepted = new Map<string, Accepted>()
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const method = req.method ?? 'GET'
    const url = req.url ?? '/'
    const published = publishedReadConfig()
    const apiRoute = published?.apiRoute ?? '/api'
    // Anything outside the API is not checked at all: nothing to remember.
    const memorable =
      (method === 'GET' || method === 'HEAD') &&
      url.length <= MAX_REMEMBERED_URL_LENGTH &&
      url.startsWith(apiRoute) &&
      url.charAt(apiRoute.length) === '/'
    const key = memorable ? `${method} ${url}` : ''
    if (memorable) {
      const known = accepted.get(key)
      if (known && known.published === published) {
        const queryStart = url.indexOf('?')
        if (known.route === routeOf(method, queryStart === -1 ? url : url.slice(0, queryStart))) {
          if (known.url !== undefined) req.url = known.url
          return false
        }
      }
    }
    const checked = checkRestRead({ method, url, routeOf, published, limits })
    if (!checked || checked.verdict.ok) {
      if (memorable) {
        const queryStart = url.indexOf('?')
        if (accepted.size >= MAX_REMEMBERED_READS) accepted.clear()
        accepted.set(key, { published, route: routeOf(method, queryStart === -1 ? url : url.slice(0, queryStart)), url: checked?.url })
      }
      if (checked) req.url = checked.url
      return false
    }
    res.writeHead(checked.verdict.status, { 'Content-Type': 'application/json' })
    res.end(method === 'HEAD' ? undefined : JSON.stringify(refusalBody(checked.verdict.problems)))
    return true
  }
}
