import { AsyncLocalStorage } from 'node:async_hooks'
import { randomUUID } from 'node:crypto'

export type RequestContext = {
  requestId: string
  /** Set when a dependency the request needed (the database) failed to answer while serving it. */
  unavailableDependency?: 'database'
}

/**
 * One store per process, on globalThis: server.ts opens the context around each request and
 * Payload's logger (in Next's bundle, which loads its own copy of this module) reads it.
 */
const storage = ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.observability.requestContext')] ??=
  new AsyncLocalStorage<RequestContext>()) as AsyncLocalStorage<RequestContext>

export const REQUEST_ID_HEADER = 'x-request-id'

/** Ids a proxy or client may hand us: short, and only characters safe in a header and a log line. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** The caller's `X-Request-Id` if it is sane, else a fresh UUID (never echo arbitrary bytes). */
export const requestIdFrom = (incoming: string | string[] | undefined): string => {
  const candidate = Array.isArray(incoming) ? incoming[0] : incoming
  return candidate !== undefined && SANE_REQUEST_ID.test(candidate) ? candidate : randomUUID()
}

export const runWithRequestContext = <T>(context: RequestContext, fn: () => T): T => storage.run(context, fn)

/** The id of the request this code runs for, if any. */
export const currentRequestId = (): string | undefined => storage.getStore()?.requestId

/**
 * Notes that the current request met an unavailable dependency. Whatever Payload then makes of it
 * (an auth strategy's failure becomes "anonymous", then 403), the server answers 503.
 */
export const noteUnavailableDependency = (dependency: NonNullable<RequestContext['unavailableDependency']>): void => {
  const context = storage.getStore()
  if (context) context.unavailableDependency = dependency
}

/** The dependency the request being served has found unavailable so far, if any. */
export const currentUnavailableDependency = (): RequestContext['unavailableDependency'] => storage.getStore()?.unavailableDependency
