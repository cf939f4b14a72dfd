import { createHash } from 'node:crypto'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'

import type { CachedResponse } from './cachedResponse'
import { globalCacheName } from './cacheDependencies'
import type { ResponseStore } from './responseStore'

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void

export type ResponseCacheOptions = {
  store: ResponseStore
  /** Collections whose public REST reads (`/api/<slug>...`, custom endpoints included) are cached. */
  cachedCollections: readonly string[]
  /** Globals whose public REST reads (`/api/globals/<slug>...`) are cached. */
  cachedGlobals?: readonly string[]
  ttlSeconds: number
  /** Told the outcome of each cacheable request (metrics); `bypass`: the store failed, served uncached. */
  onLookup?: (result: 'hit' | 'miss' | 'bypass') => void
}

/** Larger responses are sent but not kept. */
const MAX_CACHED_BYTES = 1024 * 1024
/** Per-connection or per-moment headers: recomputed for every response, never replayed. */
const NOT_REPLAYED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'date', 'x-cache', 'x-request-id'])

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Only what is the same for every anonymous caller is shared: a GET with no token (header or
 * Payload's cookie). Signed-in callers always reach Payload, which applies their access.
 */
const isAnonymousGet = (req: IncomingMessage): boolean =>
  req.method === 'GET' && !req.headers.authorization && !/(?:^|;\s*)payload-token=/.test(req.headers.cookie ?? '')

/**
 * Method, path and query (parameters sorted; `locale` and `draft` are among them), plus what the
 * response's headers depend on: the Origin (CORS) and whether the client takes gzip.
 */
const cacheKey = (req: IncomingMessage, url: URL): string => {
  const query = [...url.searchParams].sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1))
  const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  const material = JSON.stringify([req.method, url.pathname, query, req.headers.origin ?? '', gzip])
  return createHash('sha1').update(material).digest('base64url')
}

const replayedHeaders = (res: ServerResponse): CachedResponse['headers'] | null => {
  const headers: CachedResponse['headers'] = {}
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value === undefined || NOT_REPLAYED.has(name)) continue
    if (name === 'set-cookie') return null
    if (name === 'cache-control' && /no-store|private/.test(String(value))) return null
    headers[name] = Array.isArray(value) ? value : String(value)
  }
  return headers
}

/**
 * Collects what Next sends for this one response and, if it is a complete 200 worth sharing, saves
 * it before the last bytes go out: a caller who has the response can count on the next identical
 * request being a hit. Headers given to writeHead are moved onto the response first, so that
 * getHeaders() sees them.
 */
const captureResponse = (res: ServerResponse, save: (response: CachedResponse) => Promise<void>): void => {
  const chunks: Buffer[] = []
  let size = 0
  let keep = true
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (!keep || chunk === undefined || chunk === null || typeof chunk === 'function') return
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.from(chunk as Uint8Array)
    size += buffer.length
    if (size > MAX_CACHED_BYTES) {
      keep = false
      chunks.length = 0
    } else chunks.push(buffer)
  }
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null)
    if (Array.isArray(headers)) keep = false
    else if (headers) {
      for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) if (value !== undefined) res.setHeader(name, value)
    }
    const reason = typeof rest[0] === 'string' ? [rest[0]] : []
    return Array.isArray(headers) ? writeHead(status, ...rest) : writeHead(status, ...reason)
  }) as ServerResponse['writeHead']
  const write = res.write.bind(res) as (...args: unknown[]) => boolean
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    collect(chunk, rest[0])
    return write(chunk, ...rest)
  }) as ServerResponse['write']
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    collect(chunk, rest[0])
    const headers = keep && res.statusCode === 200 ? replayedHeaders(res) : null
    if (!headers) return end(chunk, ...rest)
    void save({ status: res.statusCode, headers, body: Buffer.concat(chunks) })
      .catch(() => undefined)
      .finally(() => end(chunk, ...rest))
    return res
  }) as ServerResponse['end']
}

const sendCached = (res: ServerResponse, { status, headers, body }: CachedResponse): void => {
  res.writeHead(status, { ...headers, 'content-length': body.length, 'x-cache': 'HIT' })
  res.end(body)
}

/**
 * The response cache, in front of Next and Payload: an anonymous GET of a cached collection is
 * answered from the store when it can be (X-Cache: HIT); otherwise it goes through and its
 * response is kept for the next caller (X-Cache: MISS). If the store fails (Redis away), the
 * request is served uncached, as if there were no cache.
 */
export const createResponseCache = ({ store, cachedCollections, cachedGlobals = [], ttlSeconds, onLookup }: ResponseCacheOptions) => {
  const alternatives = (slugs: readonly string[]) => (slugs.length ? slugs.map(escapeRegExp).join('|') : '(?!)')
  const collectionRoute = new RegExp(`^/api/(${alternatives(cachedCollections)})(?:[/?]|$)`)
  const globalRoute = new RegExp(`^/api/globals/(${alternatives(cachedGlobals)})(?:[/?]|$)`)
  /** The generation a request's response belongs to: its collection's, or its global's. */
  const cacheNameOf = (url: string): string | undefined => {
    const global = globalRoute.exec(url)?.[1]
    return global ? globalCacheName(global) : collectionRoute.exec(url)?.[1]
  }
  return async (req: IncomingMessage, res: ServerResponse, handle: Handle): Promise<void> => {
    const collection = isAnonymousGet(req) ? cacheNameOf(req.url ?? '') : undefined
    if (!collection) return handle(req, res)
    const url = new URL(req.url ?? '/', 'http://cache.local')
    let lookup
    try {
      lookup = await store.lookup(collection, cacheKey(req, url))
    } catch {
      onLookup?.('bypass')
      return handle(req, res)
    }
    if (lookup.hit) {
      onLookup?.('hit')
      return sendCached(res, lookup.hit)
    }
    onLookup?.('miss')
    res.setHeader('x-cache', 'MISS')
    const { versionedKey } = lookup
    if (versionedKey) captureResponse(res, (response) => store.save(versionedKey, response, ttlSeconds))
    return handle(req, res)
  }
}
