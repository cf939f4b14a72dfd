import type { IncomingMessage, ServerResponse } from 'node:http'
import { Pool, type PoolConfig } from 'pg'

import type { Step } from '@/platform/http/pipeline'
import { InvalidSearchParameter, validationErrorBody } from './parameterError'
import { parseSearchParams, parseSuggestParams, rawFromSearchParams, SEARCH_PARAMETER_NAMES, SUGGEST_PARAMETER_NAMES } from './params'
import type { AnimeSearchIndex } from './memory/searchIndex'
import { type PosterUrls, type SearchSource, searchAnimeFrom, searchPageFromRows, statementName, suggestAnimeFrom } from './searchAnime'
import { WORD_SIMILARITY_THRESHOLD } from './sql'

/**
 * The search's settings (SEARCH_SETTINGS in searchAnime.ts, which explains each) as connection
 * options of a pool of its own: a search is then one round trip (its prepared statement), where a
 * transaction around it costs three. Read-only by default, like the search's transaction.
 */
export const SEARCH_CONNECTION_OPTIONS = [
  'default_transaction_read_only=on',
  'enable_seqscan=off',
  'jit=off',
  'max_parallel_workers_per_gather=0',
  'plan_cache_mode=force_generic_plan',
  `pg_trgm.word_similarity_threshold=${WORD_SIMILARITY_THRESHOLD}`,
]
  .map((setting) => `-c ${setting}`)
  .join(' ')

/** A pool for the fast path only; `options` are the caller's timeouts (poolTimeoutOptions). */
export const createSearchPool = (connectionString: string, options: PoolConfig = {}): Pool =>
  new Pool({ connectionString, max: 6, idleTimeoutMillis: 30_000, ...options, options: SEARCH_CONNECTION_OPTIONS })

type MediaRow = {
  id: number
  filename: string | null
  url: string | null
  thumbnail_filename: string | null
  thumbnail_url: string | null
  card_filename: string | null
  card_url: string | null
  hero_filename: string | null
  hero_url: string | null
}

/**
 * A media URL as Payload's upload fields give it on read (generateFilePathOrURL): a stored URL
 * pointing elsewhere is kept; otherwise the file route under the server's origin, from the file
 * name; null without one. The storage plugin keeps these (disablePayloadAccessControl is off).
 */
export const mediaUrl = (origin: string, stored: string | null, filename: string | null): string | null => {
  if (stored && !stored.startsWith('/') && !stored.startsWith(origin)) return stored
  return filename ? new URL(`/api/media/file/${encodeURIComponent(filename)}`, origin).toString() : null
}

/** Reads searches and posters straight from `pool` (see createSearchPool); URLs under `serverUrl`. */
export const poolSearchSource = (pool: Pool, serverUrl: string): SearchSource => {
  const origin = new URL(serverUrl).origin
  return {
    rows: async <Row>({ text, values }: { text: string; values: unknown[] }) =>
      (await pool.query({ name: statementName(text), text, values })).rows as Row[],
    posterUrls: async (ids) => {
      const { rows } = await pool.query<MediaRow>(
        `SELECT id, filename, url, sizes_thumbnail_filename AS thumbnail_filename, sizes_thumbnail_url AS thumbnail_url,
           sizes_card_filename AS card_filename, sizes_card_url AS card_url, sizes_hero_filename AS hero_filename,
           sizes_hero_url AS hero_url
         FROM media WHERE id = ANY($1::int[])`,
        [ids],
      )
      return new Map<number, PosterUrls>(
        rows.map((row) => [
          row.id,
          {
            url: mediaUrl(origin, row.url, row.filename),
            thumbnail: mediaUrl(origin, row.thumbnail_url, row.thumbnail_filename),
            card: mediaUrl(origin, row.card_url, row.card_filename),
            hero: mediaUrl(origin, row.hero_url, row.hero_filename),
          },
        ]),
      )
    },
  }
}

const CORS_ALLOW_METHODS = 'PUT, PATCH, POST, GET, DELETE, OPTIONS'
const CORS_ALLOW_HEADERS =
  'Origin, X-Requested-With, Content-Type, Accept, Authorization, Content-Encoding, x-apollo-tracing, X-Payload-HTTP-Method-Override'

/** The CORS headers Payload puts on its API responses (headersWithCors) for a list of origins. */
const corsHeaders = (allowedOrigins: readonly string[], origin: string | undefined): Record<string, string> => ({
  'Access-Control-Allow-Methods': CORS_ALLOW_METHODS,
  'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
  ...(origin !== undefined && allowedOrigins.includes(origin)
    ? { 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Origin': origin }
    : {}),
})

type Answer = { body: unknown; fromIndex: boolean }

/** Search from the index when it can answer (see AnimeSearchIndex.search), else the SQL. */
const searchRoute = async (source: SearchSource, index: AnimeSearchIndex | undefined, params: URLSearchParams): Promise<Answer> => {
  const parsed = parseSearchParams(rawFromSearchParams(params, SEARCH_PARAMETER_NAMES))
  const rows = index ? await index.search(parsed) : null
  return rows
    ? { body: await searchPageFromRows(source, parsed, rows), fromIndex: true }
    : { body: await searchAnimeFrom(source, parsed), fromIndex: false }
}

const suggestRoute = async (source: SearchSource, index: AnimeSearchIndex | undefined, params: URLSearchParams): Promise<Answer> => {
  const parsed = parseSuggestParams(rawFromSearchParams(params, SUGGEST_PARAMETER_NAMES))
  const docs = parsed.q !== null && index ? index.suggest({ ...parsed, q: parsed.q }) : null
  return docs ? { body: { docs }, fromIndex: true } : { body: { docs: await suggestAnimeFrom(source, parsed) }, fromIndex: false }
}

const ROUTES: Record<string, (source: SearchSource, index: AnimeSearchIndex | undefined, params: URLSearchParams) => Promise<Answer>> = {
  '/api/anime/search': searchRoute,
  '/api/anime/suggest': suggestRoute,
}

type Logger = { error: (details: object, message: string) => void }

/**
 * GET /api/anime/search and /api/anime/suggest answered here, before Next and Payload, with the
 * endpoints' contract (src/domains/anime/endpoints): the same parameters and checks (400 naming
 * the field, in Payload's error shape), the same statements and JSON, CORS as Payload sets it.
 * The answer does not depend on who asks (published anime only, staff included), so signed-in
 * callers are served here too; the steps before this one (rate limit, token gate, cache, outage
 * gate) apply as to any request. Other methods and paths go on to Payload.
 */
export const createSearchFastPath =
  ({
    source,
    index,
    allowedOrigins,
    isDatabaseUnavailable,
    onDatabaseFailure,
    writeUnavailable,
    logger,
  }: {
    source: SearchSource
    /** The in-process index (SEARCH_INDEX): answers when ready, else the SQL does. */
    index?: AnimeSearchIndex
    allowedOrigins: readonly string[]
    isDatabaseUnavailable: (error: unknown) => boolean
    /** Told of a failure that means "database unavailable" (the outage monitor). */
    onDatabaseFailure: (error: unknown) => void
    writeUnavailable: (res: ServerResponse) => void
    logger: Logger
  }): Step =>
  (next) =>
  (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'GET' || !req.url?.startsWith('/api/anime/s')) return next(req, res)
    const query = req.url.indexOf('?')
    const route = ROUTES[query === -1 ? req.url : req.url.slice(0, query)]
    if (!route) return next(req, res)
    const origin = req.headers.origin
    const send = (status: number, body: unknown, fromIndex?: boolean) => {
      const json = JSON.stringify(body)
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'Content-Length': Buffer.byteLength(json),
        // Which path answered (the bench waits for the index; the body is the same either way).
        ...(fromIndex === undefined ? {} : { 'X-Search-Source': fromIndex ? 'index' : 'sql' }),
        ...corsHeaders(allowedOrigins, origin),
      })
      res.end(json)
    }
    let params: URLSearchParams
    try {
      params = new URLSearchParams(query === -1 ? '' : req.url.slice(query + 1))
    } catch {
      return next(req, res)
    }
    // The routes are async: a refused parameter is a rejection, never a throw out of this handler.
    return route(source, index, params).then(
      ({ body, fromIndex }) => send(200, body, fromIndex),
      (error: unknown) => {
        if (error instanceof InvalidSearchParameter) send(400, validationErrorBody(error))
        else if (isDatabaseUnavailable(error)) {
          onDatabaseFailure(error)
          writeUnavailable(res)
        } else {
          logger.error({ err: error, url: req.url }, 'search failed')
          send(500, { errors: [{ message: 'Something went wrong.' }] })
        }
      },
    )
  }
