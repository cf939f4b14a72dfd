import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

let ctx: PayloadInt
let pool: Pool
const users: Record<'alice' | 'bob', { id: number; token: string }> = { alice: { id: 0, token: '' }, bob: { id: 0, token: '' } }

type ViewResult = { counted: boolean; viewCount: number; view?: { id: number; episode: number | null; progressSeconds: number | null } }
type ErrorBody = { errors: { message: string; data?: { errors?: { path: string }[] } }[] }
type ViewDoc = { id: number; user: unknown; anime: unknown; episode?: number; lastViewedAt: string }

const view = (id: number | string, body?: unknown, token?: string) =>
  ctx.rest.post(`/anime/${id}/view`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    ...(token ? { token } : {}),
  })
const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: number }).id : value)
const viewCount = async (id: number) => (await pool.query(`SELECT view_count::int AS n FROM anime WHERE id = $1`, [id])).rows[0].n as number
const published = (title: string) => ctx.payload.create({ collection: 'anime', data: { title, _status: 'published' } })

beforeAll(async () => {
  ctx = await initPayloadInt('anime-views')
  pool = (ctx.payload.db as unknown as { pool: Pool }).pool
  await ctx.payload.create({ collection: 'users', data: { email: 'root@example.com', password: 'view-password' } })
  for (const name of ['alice', 'bob'] as const) {
    const user = await ctx.payload.create({ collection: 'users', data: { email: `${name}@example.com`, password: 'view-password' } })
    users[name] = { id: user.id, token: await ctx.rest.login(user.email, 'view-password') }
  }
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('POST /api/anime/:id/view', () => {
  it('counts anonymous views of published anime and answers 404 for unknown, draft or malformed ids', async () => {
    const anime = await published('Serial Experiments Lain')
    const draft = await ctx.payload.create({ collection: 'anime', data: { title: 'Not yet', _status: 'draft' } })
    const first = await view(anime.id)
    expect(first.status).toBe(200)
    expect((await first.json()) as ViewResult).toMatchObject({ counted: true, viewCount: 1 })
    expect((await view(anime.id, {})).status).toBe(200)
    expect(await viewCount(anime.id)).toBe(2)

    for (const id of [draft.id, 987_654, 'abc', '0', '99999999999999']) expect((await view(id, {})).status).toBe(404)
    expect((await view(draft.id, {}, users.alice.token)).status).toBe(404)
    expect(await viewCount(draft.id)).toBe(0)
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM views`)
    expect(rows[0].n).toBe(0)
  })

  it('refuses bad episode and progressSeconds with a 400 naming the field', async () => {
    const anime = await published('Haibane Renmei')
    const cases: [unknown, string][] = [
      [{ episode: -1 }, 'episode'],
      [{ episode: 'three' }, 'episode'],
      [{ episode: 1.5 }, 'episode'],
      [{ progressSeconds: -10 }, 'progressSeconds'],
      [{ progressSeconds: '12' }, 'progressSeconds'],
      [{ progressSeconds: true }, 'progressSeconds'],
      ['{not json', 'body'],
      [[1, 2], 'body'],
    ]
    for (const [body, field] of cases) {
      for (const token of [undefined, users.alice.token]) {
        const response = await view(anime.id, body, token)
        expect(response.status, JSON.stringify(body)).toBe(400)
        const error = (await response.json()) as ErrorBody
        expect(error.errors[0].data?.errors?.map((e) => e.path)).toEqual([field])
      }
    }
    expect(await viewCount(anime.id)).toBe(0)
  })

  it('records the signed-in user’s history and counts their repeated views within 30 minutes once', async () => {
    const anime = await published('Texhnolyze')
    const first = await view(anime.id, { episode: 1, progressSeconds: 30, user: users.bob.id }, users.alice.token)
    expect(first.status).toBe(200)
    const body = (await first.json()) as ViewResult
    expect(body).toMatchObject({ counted: true, viewCount: 1, view: { episode: 1, progressSeconds: 30 } })

    const again = (await (await view(anime.id, { progressSeconds: 600 }, users.alice.token)).json()) as ViewResult
    expect(again).toMatchObject({ counted: false, viewCount: 1, view: { episode: 1, progressSeconds: 600 } })
    // Concurrent repeats by the same user: still once.
    await Promise.all(Array.from({ length: 10 }, () => view(anime.id, { episode: 2 }, users.alice.token)))
    expect(await viewCount(anime.id)).toBe(1)

    const rows = (await pool.query(`SELECT user_id, episode::int AS episode FROM views WHERE anime_id = $1`, [anime.id])).rows
    expect(rows).toEqual([{ user_id: users.alice.id, episode: 2 }])

    // Half an hour later the same user counts again.
    await pool.query(`UPDATE views SET last_viewed_at = now() - interval '31 minutes' WHERE anime_id = $1`, [anime.id])
    const later = await Promise.all(Array.from({ length: 5 }, () => view(anime.id, {}, users.alice.token)))
    const results = (await Promise.all(later.map((response) => response.json()))) as ViewResult[]
    expect(results.filter((result) => result.counted)).toHaveLength(1)
    expect(await viewCount(anime.id)).toBe(2)
    // Someone else's view counts on its own.
    expect(((await (await view(anime.id, {}, users.bob.token)).json()) as ViewResult).counted).toBe(true)
    expect(await viewCount(anime.id)).toBe(3)
  })

  it('GET /api/views returns only the caller’s history, newest first; nobody writes it through the API', async () => {
    const older = await published('Ergo Proxy')
    const newer = await published('Kaiba')
    await view(older.id, { episode: 3 }, users.bob.token)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await view(newer.id, { episode: 1 }, users.bob.token)
    await view(older.id, {}, users.alice.token)

    const response = await ctx.rest.get('/views?depth=0&limit=100', { token: users.bob.token })
    expect(response.status).toBe(200)
    const docs = ((await response.json()) as { docs: ViewDoc[] }).docs
    expect(docs.every((doc) => idOf(doc.user) === users.bob.id)).toBe(true)
    expect(docs.slice(0, 2).map((doc) => idOf(doc.anime))).toEqual([newer.id, older.id])
    const times = docs.map((doc) => Date.parse(doc.lastViewedAt))
    expect([...times].sort((a, b) => b - a)).toEqual(times)

    expect((await ctx.rest.get('/views')).status).toBe(403)
    const alices = ((await (await ctx.rest.get('/views?depth=0', { token: users.alice.token })).json()) as { docs: ViewDoc[] }).docs
    const aliceView = alices.find((doc) => idOf(doc.anime) === older.id)!
    expect(aliceView).toBeDefined()
    expect([403, 404]).toContain((await ctx.rest.get(`/views/${aliceView.id}`, { token: users.bob.token })).status)
    expect([403, 404]).toContain((await ctx.rest.delete(`/views/${aliceView.id}`, { method: 'DELETE', token: users.bob.token })).status)

    const json = (method: string, body: unknown) => ({
      method,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      token: users.alice.token,
    })
    expect(
      (await ctx.rest.post('/views', json('POST', { user: users.bob.id, anime: older.id, lastViewedAt: new Date().toISOString() }))).status,
    ).toBe(403)
    expect((await ctx.rest.patch(`/views/${aliceView.id}`, json('PATCH', { user: users.bob.id }))).status).toBe(403)
    expect(idOf((await ctx.payload.findByID({ collection: 'views', id: aliceView.id, depth: 0 })).user)).toBe(users.alice.id)

    expect((await ctx.rest.delete(`/views/${aliceView.id}`, { method: 'DELETE', token: users.alice.token })).status).toBe(200)
  })

  it('forgets an anime’s history rows and favorites when the anime is deleted', async () => {
    const anime = await published('Boogiepop')
    await view(anime.id, {}, users.alice.token)
    await ctx.payload.create({ collection: 'favorites', data: { user: users.alice.id, item: { relationTo: 'anime', value: anime.id } } })
    await ctx.payload.delete({ collection: 'anime', id: anime.id })
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM views WHERE anime_id = $1`, [anime.id])
    expect(rows[0].n).toBe(0)
    const favorites = await pool.query(`SELECT count(*)::int AS n FROM favorites WHERE item_key = $1`, [`anime:${anime.id}`])
    expect(favorites.rows[0].n).toBe(0)
    expect((await view(anime.id, {})).status).toBe(404)
  })
})
