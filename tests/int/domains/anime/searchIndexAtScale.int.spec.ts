import pg, { type Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createSearchPool, poolSearchSource } from '@/domains/anime/search/fastPath'
import { AnimeSearchIndex } from '@/domains/anime/search/memory/searchIndex'
import { parseSearchParams, parseSuggestParams } from '@/domains/anime/search/params'
import { searchAnimeFrom, searchPageFromRows, suggestAnimeFrom, type SearchSource } from '@/domains/anime/search/searchAnime'
import { buildQueryMix, buildSuggestMix } from '../../../../bench/lib/queries'
import { buildRelevanceSet } from '../../../../bench/lib/relevance'
import { seedCatalog, type SeededAnime } from '../../../../bench/lib/seed'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'

/**
 * The in-process index against the SQL on a catalog large enough for its shortcuts to matter
 * (the bench's synthetic titles, 20,000 of them): generic prefixes ordered by popularity from the
 * slots' arrays, and similar tiers of hundreds of rows cut once the rows left cannot reach the page.
 * Every answer the index gives must be the SQL's, to the byte.
 */
const ROWS = 20_000
let database: TestDatabase
let pool: Pool
let index: AnimeSearchIndex
let source: SearchSource
let rows: SeededAnime[]

beforeAll(async () => {
  database = await createMigratedTestDatabase('search_index_scale')
  const client = new pg.Client({ connectionString: database.url })
  await client.connect()
  try {
    rows = (await seedCatalog(client, ROWS)).rows
    // Popularity decides the generic tiers' order: give it spread and ties.
    await client.query(
      `UPDATE anime SET favorites_count = CASE WHEN id % 7 = 0 THEN NULL ELSE (id * 37) % 500 END, view_count = (id * 11) % 90`,
    )
    await client.query('VACUUM ANALYZE anime')
  } finally {
    await client.end()
  }
  pool = createSearchPool(database.url)
  source = poolSearchSource(pool, 'http://localhost:3000')
  index = new AnimeSearchIndex(pool, database.url, { info: () => {}, warn: () => {} })
  await index.start()
  const deadline = Date.now() + 60_000
  while (!index.ready && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
}, 120_000)

afterAll(async () => {
  await index?.stop()
  await pool?.end()
  await database?.drop()
})

describe('in-process index at 20,000 titles', () => {
  it('is ready', () => {
    expect(index.ready).toBe(true)
    expect(index.rows).toBe(ROWS)
  })

  it('suggests what the SQL suggests for every keystroke of the bench mix, from memory for all but a few', async () => {
    // The mix cuts titles from 3 characters on; two-letter keystrokes read the merged prefix lists.
    const twoLetters = rows
      .slice(0, 60)
      .flatMap((row) => [row.title.slice(0, 2), `${row.title.split(' ')[0]} ${row.title.split(' ')[1]?.slice(0, 2) ?? ''}`])
    const keystrokes = [...new Set([...buildSuggestMix(rows), ...twoLetters])]
    let fromIndex = 0
    for (const q of keystrokes) {
      const params = parseSuggestParams({ q })
      const docs = index.suggest({ ...params, q: params.q! })
      if (docs === null) continue
      fromIndex++
      expect(docs, q).toEqual(await suggestAnimeFrom(source, params))
    }
    expect(fromIndex).toBeGreaterThanOrEqual(keystrokes.length - 2)
  }, 120_000)

  it('searches as the SQL does for the bench mix and the relevance set, on several pages and filters', async () => {
    const queries = [...new Set([...buildQueryMix(rows).map((query) => query.q), ...buildRelevanceSet(rows).map((item) => item.q)])]
    let answered = 0
    let asked = 0
    for (const q of queries) {
      for (const extra of [{ limit: '10' }, { limit: '3', page: '4' }, { kind: 'tv' }]) {
        const params = parseSearchParams({ q, ...extra })
        asked++
        const found = await index.search(params)
        if (found === null) continue
        answered++
        expect(await searchPageFromRows(source, params, found), JSON.stringify({ q, ...extra })).toEqual(
          await searchAnimeFrom(source, params),
        )
      }
    }
    expect(answered).toBeGreaterThan(asked * 0.9)
  }, 180_000)
})
