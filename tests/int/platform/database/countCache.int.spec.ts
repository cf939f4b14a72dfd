import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

/**
 * The exact count cache (src/platform/database/withCountCache.ts, LEAN_READS on by default):
 * `totalDocs` of every list must equal a fresh count(*) after every kind of change, for the
 * public, a plain user and staff (who also count drafts), whoever made the change.
 */
let ctx: PayloadInt
let pool: Pool
let editorToken = ''
let userToken = ''
/** SQL text of every statement Payload's pool runs while `watch` is on. */
let statements: string[] | null = null

const totalDocs = async (query: string, token?: string): Promise<number> => {
  const response = await ctx.rest.get(`/anime${query}`, token ? { token } : {})
  expect(response.status).toBe(200)
  return ((await response.json()) as { totalDocs: number }).totalDocs
}

const sqlCount = async (where = 'true'): Promise<number> =>
  Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM anime WHERE ${where}`)).rows[0]!.n)

/** Every reader's totalDocs, twice (the second from the cache when nothing changed), against SQL. */
const expectExactCounts = async () => {
  const published = await sqlCount(`_status = 'published'`)
  const all = await sqlCount()
  for (let i = 0; i < 2; i++) {
    expect(await totalDocs('?limit=1&depth=0')).toBe(published)
    expect(await totalDocs('?limit=1&depth=0', userToken)).toBe(published)
    expect(await totalDocs('?limit=1&depth=0', editorToken)).toBe(all)
    expect(await totalDocs('?limit=1&depth=0&where[kind][equals]=movie', editorToken)).toBe(await sqlCount(`kind = 'movie'`))
  }
}

beforeAll(async () => {
  ctx = await initPayloadInt('count-cache')
  pool = (ctx.payload.db as unknown as { pool: Pool }).pool
  // The first account of a database becomes admin: make it one not under test.
  await ctx.payload.create({ collection: 'users', data: { email: 'root@example.com', password: 'count-password' } })
  await ctx.payload.create({ collection: 'users', data: { email: 'editor@example.com', password: 'count-password', roles: ['editor'] } })
  await ctx.payload.create({ collection: 'users', data: { email: 'user@example.com', password: 'count-password' } })
  editorToken = await ctx.rest.login('editor@example.com', 'count-password')
  userToken = await ctx.rest.login('user@example.com', 'count-password')
  // Watches the statements drizzle sends (it queries through the pool object itself).
  const session = (ctx.payload.db as unknown as { drizzle: { session: { client: { query: (...args: unknown[]) => unknown } } } }).drizzle
    .session
  const query = session.client.query.bind(session.client)
  session.client.query = (...args: unknown[]) => {
    const first = args[0] as string | { text?: string }
    statements?.push(typeof first === 'string' ? first : (first?.text ?? ''))
    return query(...args)
  }
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('the exact count cache', () => {
  it('serves an unchanged count without counting again, and counts again after a change', async () => {
    await ctx.payload.create({ collection: 'anime', data: { title: 'Cached One', kind: 'tv', _status: 'published' } })
    await totalDocs('?limit=1&depth=0', editorToken)
    statements = []
    expect(await totalDocs('?limit=1&depth=0', editorToken)).toBe(await sqlCount())
    // Payload's count (drizzle: `select count(*) from "anime"`), not this file's own (`FROM anime`).
    const counts = () => statements!.filter((text) => text.startsWith('select count(*) from "anime"'))
    expect(counts(), statements.join('\n')).toEqual([])
    expect(statements.some((text) => text.includes('table_change_stamps'))).toBe(true)

    await ctx.payload.create({ collection: 'anime', data: { title: 'Cached Two', kind: 'tv', _status: 'draft' } })
    statements = []
    expect(await totalDocs('?limit=1&depth=0', editorToken)).toBe(await sqlCount())
    expect(counts()).toHaveLength(1)
    statements = null
  })

  it('stays exact for every reader through create, publish, unpublish, update and delete', async () => {
    await expectExactCounts()
    const draft = await ctx.payload.create({ collection: 'anime', data: { title: 'Draft Film', kind: 'movie', _status: 'draft' } })
    await expectExactCounts()
    const published = await ctx.payload.create({ collection: 'anime', data: { title: 'Out Now', kind: 'movie', _status: 'published' } })
    await expectExactCounts()
    await ctx.payload.update({ collection: 'anime', id: draft.id, data: { _status: 'published' } })
    await expectExactCounts()
    await ctx.payload.update({ collection: 'anime', id: published.id, data: { _status: 'draft' } })
    await expectExactCounts()
    await ctx.payload.update({ collection: 'anime', id: published.id, data: { kind: 'tv' } })
    await expectExactCounts()
    // A new draft of a published anime leaves the published row (and its count) as it is.
    await ctx.payload.update({ collection: 'anime', id: draft.id, data: { title: 'Draft Film (edit)', _status: 'draft' }, draft: true })
    await expectExactCounts()
    await ctx.payload.delete({ collection: 'anime', id: draft.id })
    await expectExactCounts()
    // Through REST as staff too.
    const created = await ctx.rest.post('/anime', {
      method: 'POST',
      token: editorToken,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Via REST', kind: 'movie', _status: 'published' }),
    })
    expect(created.status).toBe(201)
    await expectExactCounts()
  })

  it('sees writes made outside Payload (bulk imports, SQL) and rolled-back ones leave no trace', async () => {
    await expectExactCounts()
    await pool.query(`INSERT INTO anime (title, slug, kind, _status) VALUES ('Raw Insert', 'raw-insert', 'movie', 'published')`)
    await expectExactCounts()
    await pool.query(`UPDATE anime SET _status = 'draft' WHERE slug = 'raw-insert'`)
    await expectExactCounts()
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      await client.query(`DELETE FROM anime WHERE slug = 'raw-insert'`)
      await client.query('ROLLBACK')
    } finally {
      client.release()
    }
    await expectExactCounts()
    await pool.query(`DELETE FROM anime WHERE slug = 'raw-insert'`)
    await expectExactCounts()
  })

  it('counts filters on the server-kept counters every time (their updates leave the stamp alone)', async () => {
    const anime = await ctx.payload.create({ collection: 'anime', data: { title: 'Watched', _status: 'published' } })
    const stamp = async () => (await pool.query(`SELECT stamp FROM table_change_stamps WHERE table_name = 'anime'`)).rows[0].stamp
    const query = '?limit=1&depth=0&where[viewCount][greater_than]=0'
    expect(await totalDocs(query, editorToken)).toBe(await sqlCount('view_count > 0'))
    const before = await stamp()
    await pool.query(`UPDATE anime SET view_count = view_count + 1 WHERE id = $1`, [anime.id])
    expect(await stamp()).toBe(before)
    expect(await totalDocs(query, editorToken)).toBe(await sqlCount('view_count > 0'))
    expect(await totalDocs(query)).toBe(await sqlCount(`view_count > 0 AND _status = 'published'`))
    await expectExactCounts()
  })
})
