import type { ServerResponse } from 'node:http'

import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from '../database/databaseUnavailable'
import type { RequestContext } from '../observability/requestContext'

/**
 * For a request that met an unavailable database while Payload served it, replaces whatever Payload
 * answered with 503 + Retry-After. Payload turns a failed session lookup into "anonymous" (401/403)
 * and a failed query into 500; neither tells the client the truth, and a 401 makes it sign the user
 * out. The decision is taken when the headers go out: Payload's API responses are complete by then.
 */
export const answerUnavailableOnDependencyFailure = (res: ServerResponse, context: RequestContext, onReplaced?: () => void): void => {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
  const write = res.write.bind(res) as (...args: unknown[]) => boolean
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
  let replaced = false

  res.writeHead = function writeHeadOr503(...args: unknown[]) {
    if (!context.unavailableDependency || res.headersSent) return writeHead(...args)
    replaced = true
    onReplaced?.()
    for (const name of res.getHeaderNames()) {
      if (name !== 'x-request-id' && !name.startsWith('access-control-')) res.removeHeader(name)
    }
    return writeHead(503, {
      'Content-Type': 'application/json',
      'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS),
      'Cache-Control': 'no-store',
    })
  } as ServerResponse['writeHead']

  res.write = function writeUnlessReplaced(...args: unknown[]) {
    if (!res.headersSent) res.writeHead(res.statusCode)
    if (!replaced) return write(...args)
    const callback = args.find((arg) => typeof arg === 'function') as (() => void) | undefined
    callback?.()
    return true
  } as ServerResponse['write']

  res.end = function endWithBody(...args: unknown[]) {
    if (!res.headersSent) res.writeHead(res.statusCode)
    if (!replaced) return end(...args)
    const callback = args.find((arg) => typeof arg === 'function')
    return end(JSON.stringify({ errors: [{ message: DATABASE_UNAVAILABLE_MESSAGE }] }), ...(callback ? [callback] : []))
  } as ServerResponse['end']
}
