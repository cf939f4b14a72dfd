import { createHash } from 'node:crypto'
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http'

import type { CachedResponse } from './cachedResponse'
import { documentGeneration, globalCacheName } from './cacheDependencies'
import { cacheControlHeaders, type HttpCachingOptions, matchesIfNoneMatch, sharedVary, strongEtag, UNSHARED_HEADERS } from './httpCaching'
import { type ReadDependencies, recordReadDependencies } from './readDependencies'
import type { ResponseStore } from './responseStore'

type Handle = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void

export type ResponseCacheOptions = {
  store: ResponseStore
  /** Collections whose public REST reads (`/api/<slug>...`, custom endpoints included) are cached. */
  cachedCollections: readonly string[]
  /** Globals whose public REST reads (`/api/globals/<slug>...`) are cached. */
  cachedGlobals?: readonly string[]
  /**
   * Of the cached collections, those whose reads give a signed-in user without a staff role exactly
   * what they give an anonymous caller: such a user (isVerifiedReader) is answered from the
   * anonymous entries, and a miss goes to Payload without the token, as an anonymous read.
   */
  readerSharedCollections?: readonly string[]
  /** Whether the token gate found the request's bearer token valid and its user not staff. */
  isVerifiedReader?: (req: IncomingMessage) => boolean
  ttlSeconds: number
  /** Cache-Control of shared responses (browsers, CDNs). */
  http: HttpCachingOptions
  /** Told the outcome of each cacheable request (metrics); `bypass`: the store failed, served uncached. */
  onLookup?: (result: 'hit' | 'miss' | 'bypass') => void
}

/** Larger responses are sent but not kept. */
const MAX_CACHED_BYTES = 1024 * 1024
/**
 * Per-connection, per-moment or per-caller headers: recomputed for every response, never replayed
 * (Cache-Control depends on whether the caller sent a token).
 */
const NOT_REPLAYED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'date',
  'x-cache',
  'x-request-id',
  'cache-control',
])
/** What a shared response varies on besides its URL: the key's Origin and gzip, and whether a token came. */
const SHARED_VARY = ['Origin', 'Accept-Encoding', 'Authorization']

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const hasPayloadCookie = (req: IncomingMessage): boolean => /(?:^|;\s*)payload-token=/.test(req.headers.cookie ?? '')

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
    headers[name] = Array.isArray(value) ? value : String(value)
  }
  return headers
}

const toBuffer = (chunk: unknown, encoding: unknown): Buffer =>
  Buffer.isBuffer(chunk)
    ? chunk
    : typeof chunk === 'string'
      ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
      : Buffer.from(chunk as Uint8Array)

type Completion = {
  /** Cache-Control of the shared response. */
  cacheControl: string
  /** Keeps a complete 200 for the next caller (false: refused); absent: send it, keep nothing. */
  save?: (response: CachedResponse) => Promise<boolean>
  /** Told once whether the response was saved, before it is sent (false when it was not kept). */
  onSaved?: (saved: boolean) => void
}

/**
 * Holds what Next sends for this one response until it ends, so that a complete 200 goes out with
 * its ETag and Cache-Control (or as a 304 when the client already has it) and is saved before its
 * last bytes leave: a caller who has the response can count on the next identical request being a
 * hit. Anything larger than MAX_CACHED_BYTES, and any other status, goes out as Next sent it.
 */
const holdResponse = (req: IncomingMessage, res: ServerResponse, { cacheControl, save, onSaved = () => undefined }: Completion): void => {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders }
  const restore = () => Object.assign(res, original)
  let held: Buffer[] = []
  let size = 0
  const release = () => {
    restore()
    for (const chunk of held) res.write(chunk)
    held = []
  }
  const later = (callback: unknown) => {
    if (typeof callback === 'function') process.nextTick(callback as () => void)
  }
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = rest.find((arg) => typeof arg === 'object' && arg !== null)
    if (Array.isArray(headers)) {
      // Raw header lists are not worth taking apart: sent as they come, kept by no one.
      restore()
      return res.writeHead(status, ...(rest as [OutgoingHttpHeaders]))
    }
    for (const [name, value] of Object.entries((headers ?? {}) as OutgoingHttpHeaders)) if (value !== undefined) res.setHeader(name, value)
    res.statusCode = status
    if (typeof rest[0] === 'string') res.statusMessage = rest[0]
    return res
  }) as ServerResponse['writeHead']
  // Next flushes the headers before its first chunk: they wait for the body here.
  res.flushHeaders = () => undefined
  res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
    held.push(toBuffer(chunk, encoding))
    size += held[held.length - 1]!.length
    if (size > MAX_CACHED_BYTES) release()
    later(typeof encoding === 'function' ? encoding : callback)
    return true
  }) as ServerResponse['write']
  res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
    const done = [chunk, encoding, callback].find((arg) => typeof arg === 'function') as (() => void) | undefined
    if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') held.push(toBuffer(chunk, encoding))
    const body = Buffer.concat(held)
    held = []
    restore()
    const downstream = res.getHeader('cache-control')
    if (res.statusCode !== 200 || /no-store|private/.test(String(downstream ?? '')) || res.hasHeader('set-cookie')) {
      onSaved(false)
      return res.end(body, done)
    }
    const etag = strongEtag(body)
    res.setHeader('etag', etag)
    // The same on a miss as on the hits that replay it: no page-only or preflight-only header.
    for (const name of UNSHARED_HEADERS) res.removeHeader(name)
    res.setHeader('vary', sharedVary(res.getHeader('vary'), SHARED_VARY))
    const stored = save && body.length <= MAX_CACHED_BYTES ? replayedHeaders(res) : null
    res.setHeader('cache-control', cacheControl)
    const send = () => {
      if (!matchesIfNoneMatch(req.headers['if-none-match'], etag)) return res.end(body, done)
      res.statusCode = 304
      res.removeHeader('content-length')
      return res.end(done)
    }
    if (!stored || !save) {
      onSaved(false)
      return send()
    }
    void save({ status: 200, headers: stored, body })
      .then(onSaved, () => onSaved(false))
      .finally(send)
    return res
  }) as ServerResponse['end']
}

/** A hit: the stored response, or 304 when the client's copy is the same (its ETag). */
const sendCached = (req: IncomingMessage, res: ServerResponse, { status, headers, body }: CachedResponse, cacheControl: string): void => {
  // The headers were decoded for this hit alone: completed in place, not copied.
  headers['cache-control'] = cacheControl
  headers['x-cache'] = 'HIT'
  const etag = headers.etag
  if (typeof etag === 'string' && req.headers['if-none-match'] !== undefined && matchesIfNoneMatch(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers)
    res.end()
    return
  }
  headers['content-length'] = String(body.length)
  res.writeHead(status, headers)
  res.end(body)
}

/** How long a miss waits for the same request being computed for another caller before it computes its own. */
const MAX_WAIT_FOR_MISS_MS = 2_000

/**
 * Misses being computed in this instance, by request key. A request that misses while the same
 * request is being computed for someone else waits until that response is saved, then looks up
 * again (an ordinary lookup: a hit only if the entry is still current when it asks), instead of
 * having Payload compute the same page once more: when a hot entry expires under load, ten readers
 * cost one render, not ten. Waiting is bounded, and a response that was not kept (an error, a
 * refusal, a change during the read) lets each waiter compute its own at once.
 */
const createMissesInFlight = () => {
  const inFlight = new Map<string, Promise<boolean>>()
  return {
    /** Registers a miss this request computes; the returned function tells whether it was saved. */
    start: (key: string, res: ServerResponse): ((saved: boolean) => void) => {
      if (inFlight.has(key)) return () => undefined
      let resolve!: (saved: boolean) => void
      const flight = new Promise<boolean>((settle) => {
        resolve = settle
      })
      inFlight.set(key, flight)
      let settled = false
      const settle = (saved: boolean) => {
        if (settled) return
        settled = true
        inFlight.delete(key)
        resolve(saved)
      }
      // A response that never reaches holdResponse's end (streamed past the size cap, the client gone).
      res.once('close', () => settle(false))
      return settle
    },
    /**
     * The same request being computed now for another caller: settles true once it is saved, false
     * when it was not kept or after MAX_WAIT_FOR_MISS_MS. Undefined when there is none (asked
     * synchronously, so that of misses answered in one turn the first starts and the rest wait).
     */
    flightOf: (key: string): Promise<boolean> | undefined => {
      const flight = inFlight.get(key)
      if (!flight) return undefined
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), MAX_WAIT_FOR_MISS_MS)
      })
      return Promise.race([flight, timeout]).finally(() => clearTimeout(timer))
    },
  }
}

/** Requests remembered by what their key depends on; emptied when full (a cheap bound). */
const MAX_REMEMBERED_REQUESTS = 10_000
/** Longer memo strings are computed each time: 10,000 URLs of Node's 16 KB header limit would hold 160 MB. */
const MAX_REMEMBERED_LENGTH = 1_024

/**
 * The response cache, in front of Next and Payload: a GET of a cached collection by an anonymous
 * caller (no token: header or Payload's cookie), or by a verified non-staff user on a collection
 * shared with them, is answered from the store when it can be (X-Cache: HIT); otherwise it goes
 * through and its response is kept for the next caller (X-Cache: MISS). If the store fails (Redis
 * away), the request is served uncached, as if there were no cache. Shared responses carry an ETag
 * and Cache-Control (public for anonymous callers, private and revalidated for token holders);
 * every other API request that carries a token is `private, no-store`.
 */
export const createResponseCache = ({
  store,
  cachedCollections,
  cachedGlobals = [],
  readerSharedCollections = [],
  isVerifiedReader = () => false,
  ttlSeconds,
  http,
  onLookup,
}: ResponseCacheOptions) => {
  const alternatives = (slugs: readonly string[]) => (slugs.length ? slugs.map(escapeRegExp).join('|') : '(?!)')
  const collectionRoute = new RegExp(`^/api/(${alternatives(cachedCollections)})(?:[/?]|$)`)
  const documentRoute = new RegExp(`^/api/(${alternatives(cachedCollections)})/(\\d{1,15})(?:\\?|$)`)
  const globalRoute = new RegExp(`^/api/globals/(${alternatives(cachedGlobals)})(?:[/?]|$)`)
  const sharedWithReaders = new Set(readerSharedCollections)
  const cacheControl = cacheControlHeaders(http)
  /** The generation a request's response belongs to: its collection's, or its global's. */
  const cacheNameOf = (url: string): string | undefined => {
    const global = globalRoute.exec(url)?.[1]
    return global ? globalCacheName(global) : collectionRoute.exec(url)?.[1]
  }
  /**
   * The generations a response depends on: a list's, a query's or a custom endpoint's on its
   * collection's or global's; a document read's are recorded while it is computed (tracked, see
   * readDependencies), and include its own document's generation (`own`) once Payload has read it.
   */
  const generationsOf = (name: string, path: string): string | { own: string } => {
    const document = documentRoute.exec(path)
    // The id as Payload reads it (leading zeros and all): the hooks name it by the document's id.
    return document ? { own: documentGeneration(name, String(Number(document[2]))) } : name
  }
  const misses = createMissesInFlight()
  /**
   * The request's key and generations, remembered by what they are made of (URL, Origin, gzip):
   * a hit skips parsing the URL, sorting its query and hashing.
   */
  const remembered = new Map<string, { key: string; generations: string | { own: string } }>()
  const keyOf = (req: IncomingMessage, name: string) => {
    const path = req.url ?? '/'
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
    const memo = `${gzip ? 1 : 0}${req.headers.origin ?? ''}\n${path}`
    let known = remembered.get(memo)
    if (!known) {
      const url = new URL(path, 'http://cache.local')
      known = { key: cacheKey(req, url), generations: generationsOf(name, path) }
      if (memo.length > MAX_REMEMBERED_LENGTH) return known
      if (remembered.size >= MAX_REMEMBERED_REQUESTS) remembered.clear()
      remembered.set(memo, known)
    }
    return known
  }
  /** Who the shared entry may answer: `anonymous`, `reader` (a verified non-staff token), or no one. */
  const callerOf = (req: IncomingMessage, name: string): 'anonymous' | 'reader' | undefined => {
    const cookie = hasPayloadCookie(req)
    if (!req.headers.authorization && !cookie) return 'anonymous'
    return !cookie && sharedWithReaders.has(name) && isVerifiedReader(req) ? 'reader' : undefined
  }
  /**
   * Answers from the store when `lookup` finds the entry; on a miss, waits for the same request if
   * another caller is computing it (then looks up once more), else computes it with `compute`,
   * which is given the lookup and what to tell the requests waiting for it. If the store fails, the
   * request is served uncached.
   */
  const serveFromStore = async <Found extends { hit: CachedResponse | null }>(
    req: IncomingMessage,
    res: ServerResponse,
    handle: Handle,
    { key, control, lookup }: { key: string; control: string; lookup: () => Promise<Found> },
    compute: (found: Found, onSaved: (saved: boolean) => void) => Promise<void> | void,
  ): Promise<void> => {
    for (let waited = false; ; waited = true) {
      let found: Found
      try {
        found = await lookup()
      } catch {
        onLookup?.('bypass')
        return handle(req, res)
      }
      if (found.hit) {
        onLookup?.('hit')
        return sendCached(req, res, found.hit, control)
      }
      const flight = waited ? undefined : misses.flightOf(key)
      if (flight && (await flight)) continue
      onLookup?.('miss')
      res.setHeader('x-cache', 'MISS')
      return compute(found, misses.start(key, res))
    }
  }
  /**
   * A document read: answered from its entry while none of the generations it recorded has been
   * bumped; on a miss, computed with its reads recorded (the document, what it populates or tries
   * to, see hooks/recordCachedReads) and saved with them, unless one was bumped after the lookup.
   * Saved only if the recording saw the document itself: a response computed where the recording
   * did not reach would be kept with dependencies missing.
   */
  const serveTracked = (req: IncomingMessage, res: ServerResponse, handle: Handle, key: string, own: string, control: string) =>
    serveFromStore(req, res, handle, { key, control, lookup: () => store.lookupTracked(key) }, ({ snapshot }, onSaved) => {
      const dependencies: ReadDependencies = new Set()
      holdResponse(req, res, {
        cacheControl: control,
        save:
          snapshot === null
            ? undefined
            : async (response) =>
                dependencies.has(own) && (await store.saveTracked(key, [...dependencies].sort(), snapshot, response, ttlSeconds)),
        onSaved,
      })
      return recordReadDependencies(dependencies, () => handle(req, res))
    })
  /** A list, a query, a custom endpoint or a global: answered from the entry of its generations. */
  const serveShared = (req: IncomingMessage, res: ServerResponse, handle: Handle, key: string, generations: string, control: string) =>
    serveFromStore(req, res, handle, { key, control, lookup: () => store.lookup(generations, key) }, ({ versionedKey }, onSaved) => {
      holdResponse(req, res, {
        cacheControl: control,
        save: versionedKey ? (response) => store.save(versionedKey, response, ttlSeconds).then(() => true) : undefined,
        onSaved,
      })
      return handle(req, res)
    })
  return async (req: IncomingMessage, res: ServerResponse, handle: Handle): Promise<void> => {
    const name = req.method === 'GET' ? cacheNameOf(req.url ?? '') : undefined
    const caller = name ? callerOf(req, name) : undefined
    if (!name || !caller) {
      if ((req.headers.authorization || hasPayloadCookie(req)) && req.url?.startsWith('/api/'))
        res.setHeader('cache-control', cacheControl.personal)
      return handle(req, res)
    }
    // Answered exactly as an anonymous caller is: Payload never sees the token (checked already).
    if (caller === 'reader') delete req.headers.authorization
    const { key, generations } = keyOf(req, name)
    return typeof generations === 'string'
      ? serveShared(req, res, handle, key, generations, cacheControl[caller])
      : serveTracked(req, res, handle, key, generations.own, cacheControl[caller])
  }
}
