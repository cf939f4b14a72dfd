import { editVariants } from './editVariants'
import type { SearchParams, SuggestParams } from './params'

/**
 * The SQL of the anime search, built from checked parameters. Every value travels as a bind
 * parameter; the only text spliced in is this file's own SQL.
 *
 * Only published rows: `_status` on the main `anime` table is the published state. Saving a draft
 * of a published anime writes only `_anime_v` (the main row keeps the published version), and a
 * never-published or unpublished anime has `_status = 'draft'` there.
 *
 * With a query, relevance order has three tiers, each from a GIN index, each below the one before:
 * 0. words: every query word among the title words, in any order, the last one as a prefix
 *    (`search_vector @@ 'w1:A & w2:*A'`; weight A holds all titles and alternative titles).
 *    Ranked by cheap checks (a title equal to the query, a title starting with it, the titles
 *    containing it verbatim), refined by trigram similarity when there are few matches. A generic
 *    query (over GENERIC_WORD_MATCHES titles) is ordered by popularity alone.
 * 1. edits: as tier 0, each word of four letters or more also matching as a word one cheap edit
 *    away (two letters swapped, one dropped or doubled: "trera" finds "terra"; see
 *    editVariants.ts). The word index is the dictionary: each variant
 *    is one GIN lookup, far cheaper than the trigram scan, and a swap costs trigrams nearly all
 *    their overlap. Ranked as tier 0. Only when tier 0 is empty.
 * 2. similar: titles within trigram word_similarity of the query (`q <% search_titles`): more than
 *    one wrong letter in a word, or in short words. Only when tiers 0 and 1 are empty: the trigram
 *    search is the expensive part.
 * 3. synopsis: every word in the synopsis (`search_vector @@ 'w1 & w2:*'`, weight C), by ts_rank.
 *    Only computed when tiers 0 to 2 do not fill the page.
 * Ties go to popularity (favorites, then views), then the id. The gates are one-time filters
 * (InitPlans) and the tiers do not depend on the page, so pages are consistent.
 *
 * With another sort, a query matches tiers 0 and 3 (the synopsis vector holds the titles too), or
 * tier 2 when tier 0 is empty, and the matches are sorted.
 */

export type Sql = { text: string; values: unknown[] }

/** The trigram threshold, set for the search's transaction (see searchAnime.ts). */
export const WORD_SIMILARITY_THRESHOLD = 0.6
/** Tier 0 larger than this is a generic query: ordered by popularity, walking its index. */
const GENERIC_WORD_MATCHES = 300
/** Tiers this small are also ranked by trigram similarity (a few microseconds a row). */
const FINE_RANKING_MATCHES = 100
/** Tier-0 ranks: a title equal to the query, a title starting with it, the titles containing it. */
const EXACT = 4
const STARTS = 2
const CONTAINS = 1

class Binder {
  readonly values: unknown[] = []
  bind(value: unknown): string {
    this.values.push(value)
    return `$${this.values.length}`
  }
  /** Binds on first use: PostgreSQL refuses a parameter the statement never uses. */
  lazy(value: unknown): () => string {
    let placeholder: string | undefined
    return () => (placeholder ??= this.bind(value))
  }
}

/**
 * A to_tsquery text from the query's words, `weight` (e.g. `A`) restricting the match to that part
 * of the vector. The last word matches as a prefix from two letters on (it is often still being
 * typed: "kyoj"); the others match whole, which the GIN index answers from their posting lists
 * without collecting every word that shares a prefix. Words are letters, marks and digits only, so
 * the text is always valid tsquery syntax; it is a bind parameter, never SQL.
 */
export const tsqueryText = (words: string[], weight = ''): string =>
  words.map((word, index) => tsqueryTerm(word, index === words.length - 1, weight)).join(' & ')

const tsqueryTerm = (word: string, last: boolean, weight: string): string => {
  const prefix = last && [...word].length >= 2 ? '*' : ''
  return prefix || weight ? `${word}:${prefix}${weight}` : word
}

/**
 * Tier 1's tsquery: tsqueryText where each word of MIN_EDIT_WORD_LENGTH letters or more may also be
 * any word one edit away (`(trera:A | terra:A | ...)`). Null when no word is that long (tier 1
 * would repeat tier 0).
 */
export const tsqueryWithEdits = (words: string[], weight: string): string | null => {
  let varied = false
  const terms = words.map((word, index) => {
    const term = tsqueryTerm(word, index === words.length - 1, weight)
    const variants = editVariants(word).slice(1)
    if (variants.length === 0) return term
    varied = true
    return `(${[term, ...variants.map((variant) => `${variant}:${weight}`)].join(' | ')})`
  })
  return varied ? terms.join(' & ') : null
}

const COLUMNS = `a.id, a.slug, a.title, a.title_english, a.title_japanese, a.title_russian, a.year::int AS year,
  a.kind::text AS kind, a.status::text AS status, a.score::float8 AS score, a.poster_id`

/** Published rows matching the filters. Enums are compared as text: their type names are Payload's. */
const filterConditions = (params: SearchParams, sql: Binder): string => {
  const conditions = [`a._status = 'published'`]
  if (params.genre !== null) {
    conditions.push(
      `a.id IN (SELECT r.parent_id FROM anime_rels r WHERE r.path = 'genres'
        AND r.genres_id = (SELECT g.id FROM genres g WHERE g.slug = ${sql.bind(params.genre)}))`,
    )
  }
  if (params.kind !== null) conditions.push(`a.kind::text = ${sql.bind(params.kind)}`)
  if (params.status !== null) conditions.push(`a.status::text = ${sql.bind(params.status)}`)
  if (params.year !== null) conditions.push(`a.year = ${sql.bind(params.year)}`)
  return conditions.join(' AND ')
}

type Match = {
  q: () => string
  /** Null without words (a query of punctuation only): then only trigrams can match. */
  titleWords: (() => string) | null
  /** Title words, each also one edit away (tier 1); null when no word is long enough to vary. */
  editedTitleWords: (() => string) | null
  anyWords: (() => string) | null
}

const matchOf = (q: string, words: string[], sql: Binder): Match => {
  const tsquery = (weight: string) => {
    const text = sql.lazy(tsqueryText(words, weight))
    return () => `to_tsquery('simple', ${text()})`
  }
  const edited = words.length > 0 ? tsqueryWithEdits(words, 'A') : null
  const editedText = edited === null ? null : sql.lazy(edited)
  return {
    q: sql.lazy(q),
    titleWords: words.length > 0 ? tsquery('A') : null,
    editedTitleWords: editedText ? () => `to_tsquery('simple', ${editedText()})` : null,
    anyWords: words.length > 0 ? tsquery('') : null,
  }
}

const TITLE_COLUMNS = ['title', 'title_english', 'title_japanese', 'title_russian']
/** What the tiers carry: the id, the popularity that breaks ties, the text the ranking reads. */
const NARROW = `a.id, a.favorites_count, a.view_count, a.search_titles, ${TITLE_COLUMNS.map((column) => `a.${column}`).join(', ')}`

const anyTitle = (test: (title: string) => string) =>
  `coalesce(${TITLE_COLUMNS.map((column) => test(`lower(t.${column})`)).join(' OR ')}, false)`

/** Tier-0 rank of row `t` from cheap checks. */
const wordChecks = (q: string) =>
  `${anyTitle((title) => `${title} = ${q}`)}::int * ${EXACT}
    + ${anyTitle((title) => `starts_with(${title}, ${q})`)}::int * ${STARTS}
    + coalesce(strpos(t.search_titles, ${q}) > 0, false)::int * ${CONTAINS}`

/**
 * Trigram closeness of row `t` to the query, 0 to 2: word_similarity to the titles (the best
 * stretch of them) plus similarity to the closest single title, which prefers "Attack on Titan"
 * to "Attack on Titan Season 2" for "atack on titan".
 */
const trigramCloseness = (q: string) =>
  `word_similarity(${q}, t.search_titles)
    + coalesce(greatest(${TITLE_COLUMNS.map((column) => `similarity(${q}, lower(t.${column}))`).join(', ')}), 0)`

/** `expression` when `cte` has at most FINE_RANKING_MATCHES rows, else 0 (the count is computed once). */
const whenFew = (cte: string, expression: string) =>
  `CASE WHEN (SELECT count(*) FROM ${cte}) <= ${FINE_RANKING_MATCHES} THEN ${expression} ELSE 0 END`

/** The relevance order of `alias`'s rows. */
const relevanceOrder = (alias: string) =>
  ['tier', 'rank DESC', 'favorites_count DESC NULLS LAST', 'view_count DESC NULLS LAST', 'id'].map((key) => `${alias}.${key}`).join(', ')

/**
 * The relevance tiers as CTEs ending in `hits` (id, popularity, tier, rank), with at least
 * `needed` rows when that many match. `where` holds the filters on `a`.
 */
const relevanceHits = (match: Match, where: string, needed: () => string, withSynopsis: boolean): string => {
  const hit = (tier: number, rank: string) => `t.id, t.favorites_count, t.view_count, ${tier} AS tier, (${rank})::real AS rank`
  const q = match.q()
  // Tiers 0 and 1 match words. The sample tells a specific query (ranked in full) from a generic
  // one, which walks the popularity index until the page is full. ts_match_vq is @@ as a function:
  // the planner does not take it to the GIN index, whose bitmap of every match is what the walk avoids.
  const wordTier = (name: string, tier: number, words: (() => string) | null, gate: string) => {
    if (!words) return `${name}_hits AS MATERIALIZED (SELECT ${hit(tier, '0')} FROM (SELECT ${NARROW} FROM anime a WHERE false) t)`
    const generic = (nulls: boolean) => `(SELECT ${NARROW} FROM anime a
        WHERE (SELECT count(*) FROM ${name}_sample) > ${GENERIC_WORD_MATCHES} AND ${where}
          AND ts_match_vq(a.search_vector, ${words()}) AND a.favorites_count IS ${nulls ? '' : 'NOT '}NULL
        ORDER BY ${nulls ? '' : 'a.favorites_count DESC, '}a.view_count DESC NULLS LAST, a.id LIMIT ${needed()})`
    return `${name}_sample AS MATERIALIZED (
        SELECT ${NARROW} FROM anime a
        WHERE ${gate} AND ${where} AND a.search_vector @@ ${words()} LIMIT ${GENERIC_WORD_MATCHES + 1}
      ),
      ${name}_hits AS MATERIALIZED (
        SELECT ${hit(tier, `${wordChecks(q)} + ${whenFew(`${name}_sample`, `(${trigramCloseness(q)}) / 2`)}`)}
        FROM ${name}_sample t WHERE (SELECT count(*) FROM ${name}_sample) <= ${GENERIC_WORD_MATCHES}
        UNION ALL
        SELECT ${hit(tier, '0')} FROM (${generic(false)} UNION ALL ${generic(true)}) t
      )`
  }
  // Tier 1 only when tier 0 is empty; tier 2 only when both are.
  const similarTier = `similar_sample AS MATERIALIZED (
      SELECT ${NARROW} FROM anime a
      WHERE NOT EXISTS (SELECT FROM word_hits) AND NOT EXISTS (SELECT FROM edit_hits) AND ${where} AND ${q} <% a.search_titles
    ),
    similar_hits AS MATERIALIZED (
      SELECT ${hit(2, `word_similarity(${q}, t.search_titles) + ${whenFew('similar_sample', trigramCloseness(q))}`)}
      FROM similar_sample t
    )`
  // Tier 3, only when tiers 0 to 2 do not fill the page.
  const synopsisTier =
    match.anyWords && withSynopsis
      ? `synopsis_hits AS (
          SELECT ${hit(3, 't.synopsis_rank')} FROM (
            SELECT ${NARROW}, ts_rank(a.search_vector, ${match.anyWords()}) AS synopsis_rank FROM anime a
            WHERE (SELECT count(*) FROM word_hits) + (SELECT count(*) FROM edit_hits) + (SELECT count(*) FROM similar_hits) < ${needed()}
              AND ${where} AND a.search_vector @@ ${match.anyWords()}
              AND a.id NOT IN (SELECT id FROM word_hits) AND a.id NOT IN (SELECT id FROM edit_hits)
              AND a.id NOT IN (SELECT id FROM similar_hits)
            ORDER BY synopsis_rank DESC, a.favorites_count DESC NULLS LAST, a.view_count DESC NULLS LAST, a.id
            LIMIT ${needed()}
          ) t
        ),`
      : ''
  return `${wordTier('word', 0, match.titleWords, 'true')},
    ${wordTier('edit', 1, match.editedTitleWords, 'NOT EXISTS (SELECT FROM word_hits)')},
    ${similarTier},
    ${synopsisTier}
    hits AS (
      SELECT * FROM word_hits UNION ALL SELECT * FROM edit_hits UNION ALL SELECT * FROM similar_hits${synopsisTier ? ' UNION ALL SELECT * FROM synopsis_hits' : ''}
    )`
}

/** Relevance: the tiers, the page cut from their narrow rows, then the page's columns. */
const relevanceSql = (params: SearchParams & { q: string }): Sql => {
  const sql = new Binder()
  const offset = (params.page - 1) * params.limit
  const hits = relevanceHits(matchOf(params.q, params.words, sql), filterConditions(params, sql), sql.lazy(offset + params.limit + 1), true)
  return {
    text: `WITH ${hits},
      page AS (
        SELECT * FROM hits ORDER BY ${relevanceOrder('hits')}
        LIMIT ${sql.bind(params.limit + 1)} OFFSET ${sql.bind(offset)}
      )
      SELECT ${COLUMNS} FROM page JOIN anime a ON a.id = page.id
      ORDER BY ${relevanceOrder('page')}`,
    values: sql.values,
  }
}

type SortKey = {
  /** Descending, nulls last. */
  lead: string
  /** Tie-breakers, the id last so that pages are stable. */
  ties: [column: string, direction: string][]
}

const SORT_KEYS: Record<Exclude<SearchParams['sort'], 'relevance'>, SortKey> = {
  score: { lead: 'score', ties: [['id', 'ASC']] },
  popularity: {
    lead: 'favorites_count',
    ties: [
      ['view_count', 'DESC NULLS LAST'],
      ['id', 'ASC'],
    ],
  },
  newest: {
    lead: 'year',
    ties: [
      ['aired_from', 'DESC NULLS LAST'],
      ['id', 'DESC'],
    ],
  },
}

/**
 * Another sort: the query's matches in the sort's order; without a query, the filtered catalog,
 * walking the lead column's btree index backwards in two parts, rows with a value and then rows
 * without (ORDER BY ... DESC NULLS LAST cannot use an ascending index, and sorting the whole
 * catalog costs ~150 ms at 100k rows).
 */
const sortedSql = (params: SearchParams, { lead, ties }: SortKey): Sql => {
  const sql = new Binder()
  const where = filterConditions(params, sql)
  const offset = (params.page - 1) * params.limit
  const tieOrder = (alias: string, prefix = '') => ties.map(([column, direction]) => `${alias}.${prefix}${column} ${direction}`).join(', ')
  if (params.q !== null) {
    const match = matchOf(params.q, params.words, sql)
    const anyWords = match.anyWords ? `SELECT a.id FROM anime a WHERE ${where} AND a.search_vector @@ ${match.anyWords()} UNION ` : ''
    const noTitleWords = match.titleWords
      ? `NOT EXISTS (SELECT FROM anime a WHERE ${where} AND a.search_vector @@ ${match.titleWords()})`
      : 'true'
    return {
      text: `SELECT ${COLUMNS} FROM anime a
        WHERE a.id IN (${anyWords}SELECT a.id FROM anime a WHERE ${noTitleWords} AND ${where} AND ${match.q()} <% a.search_titles)
        ORDER BY a.${lead} DESC NULLS LAST, ${tieOrder('a')}
        LIMIT ${sql.bind(params.limit + 1)} OFFSET ${sql.bind(offset)}`,
      values: sql.values,
    }
  }
  const window = sql.bind(offset + params.limit + 1)
  const sortColumns = [lead, ...ties.map(([column]) => column)].map((column) => `a.${column} AS sort_${column}`).join(', ')
  return {
    text: `SELECT * FROM (
        (SELECT ${COLUMNS}, ${sortColumns}, 0 AS nulls_part FROM anime a
          WHERE ${where} AND a.${lead} IS NOT NULL
          ORDER BY a.${lead} DESC, ${tieOrder('a')} LIMIT ${window})
        UNION ALL
        (SELECT ${COLUMNS}, ${sortColumns}, 1 FROM anime a
          WHERE ${where} AND a.${lead} IS NULL
          ORDER BY ${tieOrder('a')} LIMIT ${window})
      ) page
      ORDER BY page.nulls_part, page.sort_${lead} DESC, ${tieOrder('page', 'sort_')}
      LIMIT ${sql.bind(params.limit + 1)} OFFSET ${sql.bind(offset)}`,
    values: sql.values,
  }
}

/** The page's rows, one more than `limit` to tell whether a next page exists. */
export const searchSql = (params: SearchParams): Sql =>
  params.q !== null && params.sort === 'relevance'
    ? relevanceSql({ ...params, q: params.q })
    : sortedSql(params, SORT_KEYS[params.sort === 'relevance' ? 'score' : params.sort])

/**
 * The words autocomplete matches: a last word of one letter after others is left out (it is being
 * typed: "attack o"); as a whole word it matches nothing and sends the query to the trigram scan,
 * the costliest tier. The text still ranks: "Attack on ..." starts with "attack o".
 */
export const suggestWords = (words: string[]): string[] =>
  words.length > 1 && [...words.at(-1)!].length === 1 ? words.slice(0, -1) : words

/** Autocomplete, on titles only: relevance tiers 0 to 2, ranked the same way. */
export const suggestSql = (params: SuggestParams & { q: string }): Sql => {
  const sql = new Binder()
  const limit = sql.lazy(params.limit)
  const hits = relevanceHits(matchOf(params.q, suggestWords(params.words), sql), `a._status = 'published'`, limit, false)
  return {
    text: `WITH ${hits}
      SELECT a.id, a.slug, a.title
      FROM (SELECT * FROM hits ORDER BY ${relevanceOrder('hits')} LIMIT ${limit()}) page
      JOIN anime a ON a.id = page.id
      ORDER BY ${relevanceOrder('page')}`,
    values: sql.values,
  }
}
