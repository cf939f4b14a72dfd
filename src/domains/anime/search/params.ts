import { ANIME_KINDS, ANIME_STATUSES, type AnimeKind, type AnimeStatus } from '../options'
import { InvalidSearchParameter } from './parameterError'

export const SEARCH_SORTS = ['relevance', 'score', 'popularity', 'newest'] as const
export type SearchSort = (typeof SEARCH_SORTS)[number]

export const DEFAULT_LIMIT = 20
/** A larger `limit` is capped to this, not refused. */
export const MAX_LIMIT = 50
/** Deep pages cost a sort of everything before them; nobody reads page 1001 of a search. */
export const MAX_PAGE = 1000
export const MAX_QUERY_LENGTH = 200
export const SUGGEST_LIMIT = 10
/** At most this many words go into the tsqueries (the trigram match reads the whole query). */
const MAX_WORDS = 12
const YEAR_MIN = 1900
const YEAR_MAX = 2100
const GENRE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** A search as the SQL builder takes it: every value checked, the text normalised. */
export type SearchParams = {
  /** Normalised query text; null browses. */
  q: string | null
  /** The query's words (letters, marks and digits), for the full-text half. */
  words: string[]
  /** Genre slug. */
  genre: string | null
  kind: AnimeKind | null
  status: AnimeStatus | null
  year: number | null
  /** `relevance` (the default) needs a query: without one it falls back to `score`. */
  sort: SearchSort
  page: number
  limit: number
}

export type SuggestParams = { q: string | null; words: string[]; limit: number }

/** Raw values: strings from a query string, numbers (or null) from GraphQL. */
export type RawParams = Record<string, string | number | null | undefined>

export const invalidParameter = (path: string, message: string): InvalidSearchParameter => new InvalidSearchParameter(path, message)

/**
 * Lowercase, NFKC (full-width letters become ASCII), control characters to spaces (PostgreSQL text
 * cannot hold NUL), whitespace collapsed, trimmed, at most 200 characters. The search columns are
 * lowercased the same way by the buildSearchText hook.
 */
export const normalizeQuery = (raw: string): string =>
  raw
    .normalize('NFKC')
    .toLowerCase()
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .trim()

/** The words of a normalised query: runs of letters, combining marks and digits. */
export const queryWords = (q: string): string[] => [...new Set(q.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [])].slice(0, MAX_WORDS)

const text = (raw: RawParams, name: string): string | null => {
  const value = raw[name]
  if (value === undefined || value === null) return null
  const trimmed = String(value).trim()
  return trimmed === '' ? null : trimmed
}

const integer = (raw: RawParams, name: string, min: number, max: number, rule: string): number | null => {
  const value = text(raw, name)
  if (value === null) return null
  if (!/^[+-]?\d{1,12}$/.test(value)) throw invalidParameter(name, `${name} must be ${rule}.`)
  const number = Number(value)
  if (number < min || number > max) throw invalidParameter(name, `${name} must be ${rule}.`)
  return number
}

const oneOf = <T extends string>(raw: RawParams, name: string, allowed: readonly T[]): T | null => {
  const value = text(raw, name)
  if (value === null) return null
  const lower = value.toLowerCase()
  if (!(allowed as readonly string[]).includes(lower)) throw invalidParameter(name, `${name} must be one of ${allowed.join(', ')}.`)
  return lower as T
}

const query = (raw: RawParams): { q: string | null; words: string[] } => {
  const value = raw.q
  if (value === undefined || value === null) return { q: null, words: [] }
  const q = normalizeQuery(String(value))
  return q === '' ? { q: null, words: [] } : { q, words: queryWords(q) }
}

/** `limit`: a positive integer; above the maximum it is capped. */
const limitOf = (raw: RawParams, max: number, fallback: number): number => {
  const limit = integer(raw, 'limit', 1, Number.MAX_SAFE_INTEGER, 'a positive integer')
  return limit === null ? fallback : Math.min(limit, max)
}

/**
 * Checks the search parameters; throws an InvalidSearchParameter (400) naming the first bad one.
 * `genre` is a genre slug (`slice-of-life`); an unknown slug matches nothing.
 */
export const parseSearchParams = (raw: RawParams): SearchParams => {
  const { q, words } = query(raw)
  const genre = text(raw, 'genre')?.toLowerCase() ?? null
  if (genre !== null && (genre.length > 120 || !GENRE_SLUG.test(genre))) {
    throw invalidParameter('genre', 'genre must be a genre slug (lowercase letters, digits and hyphens).')
  }
  const sort = oneOf(raw, 'sort', SEARCH_SORTS) ?? 'relevance'
  return {
    q,
    words,
    genre,
    kind: oneOf(raw, 'kind', ANIME_KINDS),
    status: oneOf(raw, 'status', ANIME_STATUSES),
    year: integer(raw, 'year', YEAR_MIN, YEAR_MAX, `a year from ${YEAR_MIN} to ${YEAR_MAX}`),
    sort: sort === 'relevance' && q === null ? 'score' : sort,
    page: integer(raw, 'page', 1, MAX_PAGE, `an integer from 1 to ${MAX_PAGE}`) ?? 1,
    limit: limitOf(raw, MAX_LIMIT, DEFAULT_LIMIT),
  }
}

export const parseSuggestParams = (raw: RawParams): SuggestParams => ({
  ...query(raw),
  limit: limitOf(raw, SUGGEST_LIMIT, SUGGEST_LIMIT),
})

/**
 * A query string as raw parameters. A parameter given twice is refused rather than guessed at;
 * parameters this search does not know (cache busters, `depth`, `locale`) are ignored.
 */
export const rawFromSearchParams = (params: URLSearchParams, names: readonly string[]): RawParams => {
  const raw: RawParams = {}
  for (const name of names) {
    const values = params.getAll(name)
    if (values.length > 1) throw invalidParameter(name, `${name} must be given once.`)
    raw[name] = values[0]
  }
  return raw
}

export const SEARCH_PARAMETER_NAMES = ['q', 'genre', 'kind', 'status', 'year', 'sort', 'page', 'limit'] as const
export const SUGGEST_PARAMETER_NAMES = ['q', 'limit'] as const
