import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

let ctx: PayloadInt
const users: Record<'alice' | 'bob', { id: number; token: string }> = { alice: { id: 0, token: '' }, bob: { id: 0, token: '' } }

type ErrorBody = { errors: { message: string; data?: { errors?: { path: string; message: string }[] } }[] }
type FavoriteDoc = { id: number; user: unknown; item: { relationTo: string; value: unknown } }

const post = (body: unknown, token?: string) =>
  ctx.rest.post('/favorites?depth=0', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
    ...(token ? { token } : {}),
  })
const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: number }).id : value)
const paths = (body: ErrorBody) => body.errors.flatMap((error) => error.data?.errors?.map((e) => e.path) ?? [])
const favoritesCount = async (id: number) => {
  const pool = (ctx.payload.db as unknown as { pool: Pool }).pool
  const { rows } = await pool.query(`SELECT favorites_count::int AS n FROM anime WHERE id = $1`, [id])
  return rows[0].n as number
}

beforeAll(async () => {
  ctx = await initPayloadInt('anime-favorites')
  await ctx.payload.create({ collection: 'users', data: { email: 'root@example.com', password: 'fav-password' } })
  for (const name of ['alice', 'bob'] as const) {
    const user = await ctx.payload.create({ collection: 'users', data: { email: `${name}@example.com`, password: 'fav-password' } })
    users[name] = { id: user.id, token: await ctx.rest.login(user.email, 'fav-password') }
  }
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('favorites', () => {
  it('adds a favorite for the caller only, refuses a second one with 409 naming item, and keeps the count', async () => {
    const anime = await ctx.payload.create({ collection: 'anime', data: { title: 'Mononoke', _status: 'published' } })
    const first = await post({ item: { relationTo: 'anime', value: anime.id }, user: users.bob.id }, users.alice.token)
    expect(first.status, await first.clone().text()).toBe(201)
    const doc = ((await first.json()) as { doc: FavoriteDoc }).doc
    expect(idOf(doc.user)).toBe(users.alice.id)
    expect(doc).not.toHaveProperty('itemKey')
    expect(await favoritesCount(anime.id)).toBe(1)

    const second = await post({ item: { relationTo: 'anime', value: anime.id } }, users.alice.token)
    expect(second.status).toBe(409)
    expect(paths((await second.json()) as ErrorBody)).toEqual(['item'])
    expect(await favoritesCount(anime.id)).toBe(1)

    // Parallel duplicates: exactly one wins, the rest are 409s, never a 500.
    const other = await ctx.payload.create({ collection: 'anime', data: { title: 'Paprika', _status: 'published' } })
    const burst = await Promise.all(
      Array.from({ length: 6 }, () => post({ item: { relationTo: 'anime', value: other.id } }, users.bob.token)),
    )
    expect(burst.map((response) => response.status).sort()).toEqual([201, 409, 409, 409, 409, 409])
    expect(await favoritesCount(other.id)).toBe(1)
  })

  it('refuses drafts, unknown ids and anonymous callers with a 4xx naming item', async () => {
    const draft = await ctx.payload.create({ collection: 'anime', data: { title: 'Unfinished', _status: 'draft' } })
    for (const value of [draft.id, 999_999]) {
      const response = await post({ item: { relationTo: 'anime', value } }, users.alice.token)
      expect(response.status).toBe(400)
      expect(paths((await response.json()) as ErrorBody)).toContain('item')
    }
    expect(await favoritesCount(draft.id)).toBe(0)
    const missing = await post({}, users.alice.token)
    expect(missing.status).toBe(400)
    expect(paths((await missing.json()) as ErrorBody)).toContain('item')
    expect((await post({ item: { relationTo: 'anime', value: draft.id } })).status).toBe(403)
  })

  it('lists, changes and removes only the caller’s own favorites', async () => {
    const anime = await ctx.payload.create({ collection: 'anime', data: { title: 'Redline', _status: 'published' } })
    const swap = await ctx.payload.create({ collection: 'anime', data: { title: 'Tekkonkinkreet', _status: 'published' } })
    const mine = ((await (await post({ item: { relationTo: 'anime', value: anime.id } }, users.bob.token)).json()) as { doc: FavoriteDoc })
      .doc
    expect(await favoritesCount(anime.id)).toBe(1)

    const aliceList = (await (await ctx.rest.get('/favorites?depth=0&limit=100', { token: users.alice.token })).json()) as {
      docs: FavoriteDoc[]
    }
    expect(aliceList.docs.length).toBeGreaterThan(0)
    expect(aliceList.docs.every((doc) => idOf(doc.user) === users.alice.id)).toBe(true)
    expect(aliceList.docs.map((doc) => doc.id)).not.toContain(mine.id)
    expect((await ctx.rest.get('/favorites')).status).toBe(403)

    expect([403, 404]).toContain((await ctx.rest.get(`/favorites/${mine.id}`, { token: users.alice.token })).status)
    const steal = await ctx.rest.patch(`/favorites/${mine.id}?depth=0`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: users.alice.id }),
      token: users.alice.token,
    })
    expect([403, 404]).toContain(steal.status)
    expect([403, 404]).toContain((await ctx.rest.delete(`/favorites/${mine.id}`, { method: 'DELETE', token: users.alice.token })).status)
    // Bulk delete by where: only one's own documents match.
    await ctx.rest.delete(`/favorites?where[id][equals]=${mine.id}`, { method: 'DELETE', token: users.alice.token })

    // The owner cannot hand it over nor move it to another item (the counters would drift).
    await ctx.rest.patch(`/favorites/${mine.id}?depth=0`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: users.alice.id, item: { relationTo: 'anime', value: swap.id } }),
      token: users.bob.token,
    })
    const stored = await ctx.payload.findByID({ collection: 'favorites', id: mine.id, depth: 0 })
    expect(idOf(stored.user)).toBe(users.bob.id)
    expect(idOf(stored.item.value)).toBe(anime.id)
    expect(await favoritesCount(anime.id)).toBe(1)
    expect(await favoritesCount(swap.id)).toBe(0)

    expect((await ctx.rest.delete(`/favorites/${mine.id}`, { method: 'DELETE', token: users.bob.token })).status).toBe(200)
    expect(await favoritesCount(anime.id)).toBe(0)
    // A favorite can be added again after removal.
    expect((await post({ item: { relationTo: 'anime', value: anime.id } }, users.bob.token)).status).toBe(201)
    expect(await favoritesCount(anime.id)).toBe(1)
  })
})
