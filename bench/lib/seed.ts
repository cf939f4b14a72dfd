import { randomBytes } from 'node:crypto'
import type pg from 'pg'

import { between, createRng, makeTitle, pick, searchTitlesOf, slugOf, type SyntheticAnime } from './titles'

const GENRES = [
  'Action',
  'Adventure',
  'Comedy',
  'Drama',
  'Fantasy',
  'Horror',
  'Mecha',
  'Music',
  'Mystery',
  'Psychological',
  'Romance',
  'Sci-Fi',
  'Slice of Life',
  'Sports',
  'Supernatural',
]
const SEASONS = ['winter', 'spring', 'summer', 'fall'] as const
const BATCH = 5_000

export type SeededAnime = SyntheticAnime & { id: number; score: number }
export type SeedResult = { rows: SeededAnime[]; altTitleRows: number; relRows: number; ms: number }

/**
 * Bulk-loads `count` published anime straight into the tables Payload reads (anime,
 * anime_alt_titles, anime_rels -> genres), in multi-row INSERT ... SELECT FROM unnest(...) batches
 * inside one transaction, then VACUUM ANALYZE (what autovacuum does shortly after a bulk insert: it
 * also sets the visibility map, without which count(*) reads every heap page). search_titles is filled exactly as the buildSearchText hook
 * fills it; search_vector is a generated column and follows. No version rows are written: the
 * list and search reads only touch the main table.
 */
export const seedCatalog = async (client: pg.Client, count: number, seed = 20261127): Promise<SeedResult> => {
  const started = performance.now()
  const rng = createRng(seed)
  // The `status` column shares its enum with `_status` in the current migration; write an airing
  // status only if the enum accepts one.
  const { rows: enumRows } = await client.query<{ label: string; type: string }>(
    `select e.enumlabel as label, format_type(a.atttypid, null) as type from pg_attribute a
     join pg_enum e on e.enumtypid = a.atttypid where a.attrelid = 'anime'::regclass and a.attname = 'status'`,
  )
  const statusLabels = enumRows.map((row) => row.label).filter((label) => ['airing', 'finished', 'upcoming'].includes(label))
  const statusType = enumRows[0]?.type ?? 'text'

  await client.query('begin')
  const { rows: genreRows } = await client.query<{ id: number }>(
    `insert into genres (name, slug) select name, lower(replace(name, ' ', '-')) from unnest($1::text[]) as name returning id`,
    [GENRES],
  )
  const genreIds = genreRows.map((row) => row.id)

  const rows: SeededAnime[] = []
  const slugs = new Set<string>()
  let altTitleRows = 0
  let relRows = 0
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start)
    const cols = {
      id: [] as number[],
      title: [] as string[],
      en: [] as (string | null)[],
      ja: [] as (string | null)[],
      ru: [] as (string | null)[],
      slug: [] as string[],
      kind: [] as string[],
      status: [] as (string | null)[],
      year: [] as number[],
      season: [] as string[],
      score: [] as number[],
      views: [] as number[],
      favorites: [] as number[],
      episodes: [] as number[],
      search: [] as string[],
    }
    const alt = { id: [] as string[], parent: [] as number[], order: [] as number[], title: [] as string[] }
    const rel = { parent: [] as number[], order: [] as number[], genre: [] as number[] }
    for (let i = 0; i < size; i++) {
      const id = start + i + 1
      const anime = makeTitle(rng)
      let slug = slugOf(anime.title)
      if (slugs.has(slug)) slug = `${slug}-${id}`
      slugs.add(slug)
      const score = Math.round((3 + rng() * 6.9) * 100) / 100
      rows.push({ ...anime, id, score })
      cols.id.push(id)
      cols.title.push(anime.title)
      cols.en.push(anime.titleEnglish)
      cols.ja.push(anime.titleJapanese)
      cols.ru.push(anime.titleRussian)
      cols.slug.push(slug)
      cols.kind.push(anime.kind)
      cols.status.push(statusLabels.length > 0 ? pick(rng, statusLabels) : null)
      cols.year.push(between(rng, 1970, 2026))
      cols.season.push(pick(rng, SEASONS))
      cols.score.push(score)
      cols.views.push(Math.floor(rng() * rng() * 1_000_000))
      cols.favorites.push(Math.floor(rng() * rng() * 50_000))
      cols.episodes.push(anime.kind === 'movie' ? 1 : between(rng, 1, 52))
      cols.search.push(searchTitlesOf(anime))
      anime.altTitles.forEach((title, order) => {
        alt.id.push(randomBytes(12).toString('hex'))
        alt.parent.push(id)
        alt.order.push(order + 1)
        alt.title.push(title)
      })
      const genreCount = between(rng, 1, 3)
      const chosen = new Set<number>()
      while (chosen.size < genreCount) chosen.add(pick(rng, genreIds))
      ;[...chosen].forEach((genre, order) => {
        rel.parent.push(id)
        rel.order.push(order + 1)
        rel.genre.push(genre)
      })
    }
    await client.query(
      `insert into anime (id, title, title_english, title_japanese, title_russian, slug, kind, status, year, season,
         score, view_count, favorites_count, episodes, search_titles, _status, created_at, updated_at)
       select id, title, en, ja, ru, slug, kind::enum_anime_kind, status::${statusType}, year, season::enum_anime_season,
         score, views, favorites, episodes, search, 'published',
         -- One creation time per row, as rows created one by one have: Payload breaks ties of every
         -- sort by created_at, so the order of a page never depends on the query plan.
         now() - id * interval '1 millisecond', now() - id * interval '1 millisecond'
       from unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
         $9::int[], $10::text[], $11::numeric[], $12::int[], $13::int[], $14::int[], $15::text[])
         as t(id, title, en, ja, ru, slug, kind, status, year, season, score, views, favorites, episodes, search)`,
      [
        cols.id,
        cols.title,
        cols.en,
        cols.ja,
        cols.ru,
        cols.slug,
        cols.kind,
        cols.status,
        cols.year,
        cols.season,
        cols.score,
        cols.views,
        cols.favorites,
        cols.episodes,
        cols.search,
      ],
    )
    if (alt.id.length > 0) {
      await client.query(
        `insert into anime_alt_titles (id, _parent_id, _order, title)
         select * from unnest($1::text[], $2::int[], $3::int[], $4::text[])`,
        [alt.id, alt.parent, alt.order, alt.title],
      )
    }
    await client.query(
      `insert into anime_rels (parent_id, "order", path, genres_id)
       select parent, ord, 'genres', genre from unnest($1::int[], $2::int[], $3::int[]) as t(parent, ord, genre)`,
      [rel.parent, rel.order, rel.genre],
    )
    altTitleRows += alt.id.length
    relRows += rel.parent.length
  }
  await client.query(`select setval(pg_get_serial_sequence('anime', 'id'), $1)`, [count])
  await client.query('commit')
  await client.query('vacuum analyze anime, anime_rels, anime_alt_titles, genres')
  return { rows, altTitleRows, relRows, ms: performance.now() - started }
}
