import type { IncomingMessage, ServerResponse } from 'node:http'

import { checkRestRead } from './checkRestRead'
import { refusalBody } from './problems'
import { publishedReadConfig } from './publishedShapes'
import type { ReadLimits } from './readLimits'

/**
 * server.ts's step: refuses a REST read with bad parameters (400 naming the parameter, 404 for an
 * id that cannot exist) before the response cache and Payload see it, and hands on the URL with
 * the caps applied. Returns true when it has answered the request.
 */
export const createReadParamsGuard =
  ({ routeOf, limits }: { routeOf: (method: string, path: string) => string; limits: ReadLimits }) =>
  (req: IncomingMessage, res: ServerResponse): boolean => {
    const checked = checkRestRead({ method: req.method ?? 'GET', url: req.url ?? '/', routeOf, published: publishedReadConfig(), limits })
    if (!checked) return false
    if (checked.verdict.ok) {
      req.url = checked.url
      return false
    }
    res.writeHead(checked.verdict.status, { 'Content-Type': 'application/json' })
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify(refusalBody(checked.verdict.problems)))
    return true
  }
