import type { SearchRow } from '../searchAnime'

/** One published anime as the in-process index holds it: the row a search answers with, and what it ranks by. */
export type IndexedRow = SearchRow & {
  /** Popularity, the ties' order (null last). */
  favorites_count: number | null
  view_count: number | null
  /** All titles and alternative titles, lowercased (the search_titles column). */
  search_titles: string
  /** lower() of the four title columns (null where empty), as the SQL's checks compare them. */
  lower_titles: (string | null)[]
  /** The lexemes of search_vector with weight A (titles), as PostgreSQL parsed them. */
  title_lexemes: string[]
  /** The lexemes of search_vector without weight A (synopsis only). */
  other_lexemes: string[]
}

/**
 * The statement that reads rows into the index: the lexemes come from PostgreSQL's own vector, so
 * word matching is PostgreSQL's tokenisation, not an imitation. `where` is SQL of this module only.
 */
export const indexedRowsSql = (where: string): string => `
  SELECT a.id, a.slug, a.title, a.title_english, a.title_japanese, a.title_russian, a.year::int AS year,
    a.kind::text AS kind, a.status::text AS status, a.score::float8 AS score, a.poster_id,
    a.favorites_count::float8 AS favorites_count, a.view_count::float8 AS view_count,
    coalesce(a.search_titles, '') AS search_titles,
    ARRAY[lower(a.title), lower(a.title_english), lower(a.title_japanese), lower(a.title_russian)] AS lower_titles,
    ARRAY(SELECT u.lexeme FROM unnest(a.search_vector) u WHERE 'A' = ANY(u.weights)) AS title_lexemes,
    ARRAY(SELECT u.lexeme FROM unnest(a.search_vector) u WHERE NOT ('A' = ANY(u.weights))) AS other_lexemes
  FROM anime a WHERE a._status = 'published' AND ${where}`

/** Whether two versions of a row match and rank alike on text (then only numbers need updating). */
export const sameText = (a: IndexedRow, b: IndexedRow): boolean =>
  a.search_titles === b.search_titles &&
  a.lower_titles.join('\u0000') === b.lower_titles.join('\u0000') &&
  a.title_lexemes.join(' ') === b.title_lexemes.join(' ') &&
  a.other_lexemes.join(' ') === b.other_lexemes.join(' ')
