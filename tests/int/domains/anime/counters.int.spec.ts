import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

let ctx: PayloadInt

beforeAll(async () => {
  ctx = await initPayloadInt('anime-counters')
  await ctx.payload.create({ collection: 'users', data: { email: 'root@example.com', password: 'root-password' } })
})

afterAll(async () => {
  await ctx?.cleanup()
})

const counters = async (id: number) => {
  const pool = (ctx.payload.db as unknown as { pool: Pool }).pool
  const { rows } = await pool.query(`SELECT view_count::int AS views, favorites_count::int AS favorites FROM anime WHERE id = $1`, [id])
  return rows[0] as { views: number; favorites: number }
}

const json = (body: unknown, token?: string) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
  ...(token ? { token } : {}),
})

describe('exact counters under concurrency', () => {
  it('counts 200 parallel anonymous views exactly', async () => {
    const anime = await ctx.payload.create({ collection: 'anime', data: { title: 'Cowboy Bebop', _status: 'published' } })
    const responses = await Promise.all(Array.from({ length: 200 }, () => ctx.rest.post(`/anime/${anime.id}/view`, json({}))))
    expect(responses.map((response) => response.status).filter((status) => status !== 200)).toEqual([])
    expect((await counters(anime.id)).views).toBe(200)
    const read = await ctx.rest.get(`/anime/${anime.id}?depth=0`)
    expect(((await read.json()) as { viewCount: number }).viewCount).toBe(200)
  })

  it('keeps favoritesCount exact for N parallel favorites by N users and N parallel removals', async () => {
    const N = 20
    const anime = await ctx.payload.create({ collection: 'anime', data: { title: 'Trigun', _status: 'published' } })
    // Accounts one by one (password hashing is CPU-bound); the favorites themselves in parallel.
    const tokens: string[] = []
    for (let i = 0; i < N; i++) {
      const user = await ctx.payload.create({ collection: 'users', data: { email: `fan${i}@example.com`, password: 'fan-password' } })
      tokens.push(await ctx.rest.login(user.email, 'fan-password'))
    }

    const added = await Promise.all(
      tokens.map((token) => ctx.rest.post('/favorites?depth=0', json({ item: { relationTo: 'anime', value: anime.id } }, token))),
    )
    expect(added.map((response) => response.status)).toEqual(tokens.map(() => 201))
    expect((await counters(anime.id)).favorites).toBe(N)

    const ids = await Promise.all(added.map(async (response) => ((await response.json()) as { doc: { id: number } }).doc.id))
    const removed = await Promise.all(
      ids.map((id, i) => ctx.rest.delete(`/favorites/${id}?depth=0`, { method: 'DELETE', token: tokens[i] })),
    )
    expect(removed.map((response) => response.status)).toEqual(tokens.map(() => 200))
    expect((await counters(anime.id)).favorites).toBe(0)
  })

  it('lets nobody write the counters through the API', async () => {
    const anime = await ctx.payload.create({ collection: 'anime', data: { title: 'Akira', _status: 'published' } })
    const editor = await ctx.payload.create({
      collection: 'users',
      data: { email: 'editor@example.com', password: 'editor-password', roles: ['editor'] },
    })
    const token = await ctx.rest.login(editor.email, 'editor-password')
    const response = await ctx.rest.patch(`/anime/${anime.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ viewCount: 1_000_000, favoritesCount: 1_000_000 }),
      token,
    })
    // Refused out loud (403 naming both fields), not silently dropped.
    expect(response.status).toBe(403)
    expect(((await response.json()) as { errors: { field?: string }[] }).errors.map((error) => error.field)).toEqual([
      'viewCount',
      'favoritesCount',
    ])
    expect(await counters(anime.id)).toEqual({ views: 0, favorites: 0 })
  })
})
