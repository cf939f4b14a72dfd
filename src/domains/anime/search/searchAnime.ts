import { createHash } from 'node:crypto'
import type { Payload } from 'payload'

import { payloadPool, withTransaction } from '@/platform/database/sql'
import type { SearchParams, SuggestParams } from './params'
import { searchSql, suggestSql, WORD_SIMILARITY_THRESHOLD, type Sql } from './sql'

/** The poster's URL and the URLs of its generated sizes (null where a size was not made). */
export type PosterUrls = { url: string | null; thumbnail: string | null; card: string | null; hero: string | null }

export type SearchDoc = {
  id: number
  slug: string | null
  title: string
  titleEnglish: string | null
  titleJapanese: string | null
  titleRussian: string | null
  year: number | null
  kind: string | null
  status: string | null
  score: number | null
  poster: PosterUrls | null
}

export type SearchPage = { docs: SearchDoc[]; page: number; limit: number; hasNextPage: boolean }

export type Suggestion = { id: number; slug: string | null; title: string }

export type SearchRow = {
  id: number
  slug: string | null
  title: string
  title_english: string | null
  title_japanese: string | null
  title_russian: string | null
  year: number | null
  kind: string | null
  status: string | null
  score: number | null
  poster_id: number | null
}

type MediaDoc = {
  id: number
  url?: string | null
  sizes?: Record<string, { url?: string | null } | undefined>
}

/** Opens the search's transaction (see runSearchSql). Constants only: no input is spliced in. */
export const SEARCH_SETTINGS = `BEGIN READ ONLY; SET LOCAL enable_seqscan = off; SET LOCAL jit = off;
  SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL plan_cache_mode = force_generic_plan;
  SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`

/**
 * Runs a search statement in a read-only transaction of its own on the adapter's pool:
 * - as a named prepared statement with a generic plan: the statement's shape depends only on which
 *   parameters are present, and planning these CTEs costs more than running them (3-4 ms of CPU
 *   against ~1 ms); the plans do not depend on the values (below);
 * - with the planner kept off sequential scans: its estimates for the trigram operators are far too
 *   cheap, and a sequential scan computing word_similarity on every row costs seconds at 100k
 *   titles, where the GIN indexes answer in milliseconds;
 * - with JIT and parallel workers off: compiling, or starting workers, costs more than these
 *   queries (a gated-off branch of a generic plan still starts its workers);
 * - with the trigram threshold set here rather than trusted to the server's configuration.
 */
const runSearchSql = <Row>(payload: Payload, { text, values }: Sql): Promise<Row[]> =>
  withTransaction(payloadPool(payload), async (client) => (await client.query({ name: statementName(text), text, values })).rows as Row[], {
    begin: SEARCH_SETTINGS,
  })

/** Prepared statements are per connection and per name: one name per statement text. */
export const statementName = (text: string): string => `anime_search_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`

const sizeUrl = (media: MediaDoc, size: string): string | null => media.sizes?.[size]?.url ?? null

/**
 * The posters of one page in one query. Through the Local API, so the URLs are the ones the REST
 * API gives for the same media (absolute, or the storage adapter's).
 */
const posterUrls = async (payload: Payload, ids: number[]): Promise<Map<number, PosterUrls>> => {
  if (ids.length === 0) return new Map()
  const { docs } = await payload.find({
    collection: 'media',
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    pagination: false,
  })
  return new Map(
    (docs as MediaDoc[]).map((media) => [
      media.id,
      { url: media.url ?? null, thumbnail: sizeUrl(media, 'thumbnail'), card: sizeUrl(media, 'card'), hero: sizeUrl(media, 'hero') },
    ]),
  )
}

/**
 * Where a search reads from: the rows of a search statement, and the poster URLs of a page. Through
 * Payload (the custom endpoints, GraphQL) or straight from a pool (the server's fast path); the
 * statements and the answers are the same.
 */
export type SearchSource = {
  rows: <Row>(sql: Sql) => Promise<Row[]>
  posterUrls: (ids: number[]) => Promise<Map<number, PosterUrls>>
}

export const payloadSearchSource = (payload: Payload): SearchSource => ({
  rows: (sql) => runSearchSql(payload, sql),
  posterUrls: (ids) => posterUrls(payload, ids),
})

/** One page of published anime for checked parameters (see ./sql.ts for how it matches and ranks). */
export const searchAnimeFrom = async (source: SearchSource, params: SearchParams): Promise<SearchPage> =>
  searchPageFromRows(source, params, await source.rows<SearchRow>(searchSql(params)))

/** The page for `rows`, one more than `limit` (from the SQL or the in-process index), posters from `source`. */
export const searchPageFromRows = async (source: SearchSource, params: SearchParams, rows: SearchRow[]): Promise<SearchPage> => {
  const page = rows.slice(0, params.limit)
  const posterIds = [...new Set(page.map((row) => row.poster_id).filter((id): id is number => id !== null))]
  const posters = posterIds.length === 0 ? new Map<number, PosterUrls>() : await source.posterUrls(posterIds)
  return {
    docs: page.map((row) => ({
      id: row.id,
      slug: row.slug,
      title: row.title,
      titleEnglish: row.title_english,
      titleJapanese: row.title_japanese,
      titleRussian: row.title_russian,
      year: row.year,
      kind: row.kind,
      status: row.status,
      score: row.score,
      poster: row.poster_id === null ? null : (posters.get(row.poster_id) ?? null),
    })),
    page: params.page,
    limit: params.limit,
    hasNextPage: rows.length > params.limit,
  }
}

/** Up to `limit` published titles for autocomplete; nothing for an empty query. */
export const suggestAnimeFrom = async (source: SearchSource, params: SuggestParams): Promise<Suggestion[]> => {
  if (params.q === null) return []
  return source.rows<Suggestion>(suggestSql({ ...params, q: params.q }))
}

export const searchAnime = (payload: Payload, params: SearchParams): Promise<SearchPage> =>
  searchAnimeFrom(payloadSearchSource(payload), params)

export const suggestAnime = (payload: Payload, params: SuggestParams): Promise<Suggestion[]> =>
  suggestAnimeFrom(payloadSearchSource(payload), params)
