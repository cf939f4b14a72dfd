import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

let ctx: PayloadInt
type Who = 'admin' | 'editor' | 'alice' | 'bob'
const users = {} as Record<Who, { id: number; token: string }>
let publishedId = 0
let draftId = 0

type GraphQLBody = { data?: Record<string, unknown> | null; errors?: { message: string }[] }
const gql = async (query: string, token?: string): Promise<GraphQLBody> => {
  const response = await ctx.rest.graphql(query, token ? { token } : {})
  return (await response.json()) as GraphQLBody
}
const docIds = (body: GraphQLBody, key: string) =>
  ((body.data?.[key] as { docs: { id: number }[] } | null)?.docs ?? []).map((doc) => doc.id)
const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: number }).id : value)

beforeAll(async () => {
  ctx = await initPayloadInt('anime-access')
  const make = async (who: Who, roles?: ('admin' | 'editor' | 'moderator' | 'user')[]) => {
    const user = await ctx.payload.create({
      collection: 'users',
      data: { email: `${who}@example.com`, password: 'access-password', ...(roles ? { roles } : {}) },
    })
    users[who] = { id: user.id, token: await ctx.rest.login(user.email, 'access-password') }
  }
  await make('admin')
  await make('editor', ['editor'])
  await make('alice')
  await make('bob')
  publishedId = (await ctx.payload.create({ collection: 'anime', data: { title: 'Published One', _status: 'published' } })).id
  draftId = (await ctx.payload.create({ collection: 'anime', data: { title: 'Secret Draft', _status: 'draft' } })).id
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('drafts are invisible to the public', () => {
  it('over REST, list and by id, with or without ?draft=true', async () => {
    for (const token of [undefined, users.alice.token]) {
      const init = token ? { token } : {}
      for (const query of ['?depth=0&limit=100', '?depth=0&limit=100&draft=true', `?where[title][equals]=Secret%20Draft`]) {
        const list = await ctx.rest.get(`/anime${query}`, init)
        expect(list.status).toBe(200)
        const ids = ((await list.json()) as { docs: { id: number }[] }).docs.map((doc) => doc.id)
        expect(ids).not.toContain(draftId)
        if (!query.includes('where')) expect(ids).toContain(publishedId)
      }
      expect([403, 404]).toContain((await ctx.rest.get(`/anime/${draftId}`, init)).status)
      expect([403, 404]).toContain((await ctx.rest.get(`/anime/${draftId}?draft=true`, init)).status)
      expect((await ctx.rest.get(`/anime/${publishedId}`, init)).status).toBe(200)
    }
    expect((await ctx.rest.get(`/anime/${draftId}?draft=true`, { token: users.editor.token })).status).toBe(200)
  })

  it('over GraphQL, list and by id', async () => {
    for (const token of [undefined, users.alice.token]) {
      const list = await gql(`{ Animes(limit: 100) { docs { id title } } }`, token)
      expect(docIds(list, 'Animes')).toContain(publishedId)
      expect(docIds(list, 'Animes')).not.toContain(draftId)
      const drafts = await gql(`{ Animes(limit: 100, draft: true) { docs { id } } }`, token)
      expect(docIds(drafts, 'Animes')).not.toContain(draftId)
      const single = await gql(`{ Anime(id: ${draftId}, draft: true) { id title } }`, token)
      expect(single.data?.Anime ?? null).toBeNull()
      expect(single.errors?.length).toBeGreaterThan(0)
    }
    const staff = await gql(`{ Anime(id: ${draftId}, draft: true) { id title } }`, users.editor.token)
    expect(staff.data?.Anime).toMatchObject({ id: draftId, title: 'Secret Draft' })
  })
})

describe('favorites, lists and history are isolated per user over GraphQL', () => {
  it('favorites: created for the caller whatever the input says; invisible and untouchable for others', async () => {
    const created = await gql(
      `mutation { createFavorite(data: { item: { relationTo: anime, value: ${publishedId} }, user: ${users.bob.id} }) { id user { id } } }`,
      users.alice.token,
    )
    expect(created.errors).toBeUndefined()
    const favorite = created.data?.createFavorite as { id: number; user: { id: number } }
    expect(favorite.user.id).toBe(users.alice.id)

    const draft = await gql(`mutation { createFavorite(data: { item: { relationTo: anime, value: ${draftId} } }) { id } }`, users.bob.token)
    expect(draft.errors?.length).toBeGreaterThan(0)

    expect(docIds(await gql(`{ Favorites { docs { id } } }`, users.alice.token), 'Favorites')).toEqual([favorite.id])
    expect(docIds(await gql(`{ Favorites { docs { id } } }`, users.bob.token), 'Favorites')).toEqual([])
    expect((await gql(`{ Favorite(id: ${favorite.id}) { id } }`, users.bob.token)).data?.Favorite ?? null).toBeNull()
    expect((await gql(`{ Favorites { docs { id } } }`)).errors?.length).toBeGreaterThan(0)

    const removed = await gql(`mutation { deleteFavorite(id: ${favorite.id}) { id } }`, users.bob.token)
    expect(removed.errors?.length).toBeGreaterThan(0)
    expect((await ctx.payload.find({ collection: 'favorites', where: { id: { equals: favorite.id } } })).totalDocs).toBe(1)
    // Handing one's own favorite to someone else is ignored (the field is not writable).
    await gql(`mutation { updateFavorite(id: ${favorite.id}, data: { user: ${users.bob.id} }) { id } }`, users.alice.token)
    expect(idOf((await ctx.payload.findByID({ collection: 'favorites', id: favorite.id, depth: 0 })).user)).toBe(users.alice.id)
  })

  it('lists: private ones stay with their owner, public ones are readable, the owner is always the caller', async () => {
    const make = async (name: string, visibility: string, token: string, extra = '') => {
      const body = await gql(
        `mutation { createList(data: { name: "${name}", visibility: ${visibility}${extra} }) { id owner { id } } }`,
        token,
      )
      expect(body.errors).toBeUndefined()
      return body.data?.createList as { id: number; owner: { id: number } }
    }
    const bobPrivate = await make('Bob private', 'private', users.bob.token)
    const bobPublic = await make('Bob public', 'public', users.bob.token)
    const claimed = await make('Alice claims Bob', 'private', users.alice.token, `, owner: ${users.bob.id}`)
    expect(claimed.owner.id).toBe(users.alice.id)

    const aliceSees = docIds(await gql(`{ Lists(limit: 100) { docs { id } } }`, users.alice.token), 'Lists')
    expect(aliceSees).toContain(bobPublic.id)
    expect(aliceSees).toContain(claimed.id)
    expect(aliceSees).not.toContain(bobPrivate.id)
    expect((await gql(`{ List(id: ${bobPrivate.id}) { id } }`, users.alice.token)).data?.List ?? null).toBeNull()
    expect((await gql(`{ List(id: ${bobPublic.id}) { id name } }`)).data?.List).toMatchObject({ id: bobPublic.id, name: 'Bob public' })

    for (const id of [bobPrivate.id, bobPublic.id]) {
      expect(
        (await gql(`mutation { updateList(id: ${id}, data: { name: "Hacked" }) { id } }`, users.alice.token)).errors?.length,
      ).toBeGreaterThan(0)
      expect((await gql(`mutation { deleteList(id: ${id}) { id } }`, users.alice.token)).errors?.length).toBeGreaterThan(0)
    }
    const stored = await ctx.payload.find({ collection: 'lists', where: { id: { in: [bobPrivate.id, bobPublic.id] } }, depth: 0 })
    expect(stored.docs.map((doc) => doc.name).sort()).toEqual(['Bob private', 'Bob public'])
    await gql(`mutation { updateList(id: ${claimed.id}, data: { owner: ${users.bob.id} }) { id } }`, users.alice.token)
    expect(idOf((await ctx.payload.findByID({ collection: 'lists', id: claimed.id, depth: 0 })).owner)).toBe(users.alice.id)
  })

  it('history: each user reads and deletes only their own; the endpoint records it for the caller only', async () => {
    const post = (token: string, body: unknown) =>
      ctx.rest.post(`/anime/${publishedId}/view`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        token,
      })
    expect((await post(users.alice.token, { user: users.bob.id, episode: 4 })).status).toBe(200)
    const aliceViews = await gql(`{ Views { docs { id episode user { id } } } }`, users.alice.token)
    const [aliceView] = (aliceViews.data?.Views as { docs: { id: number; episode: number; user: { id: number } }[] }).docs
    expect(aliceView).toMatchObject({ episode: 4, user: { id: users.alice.id } })
    expect(docIds(await gql(`{ Views { docs { id } } }`, users.bob.token), 'Views')).toEqual([])
    expect((await gql(`{ View(id: ${aliceView.id}) { id } }`, users.bob.token)).data?.View ?? null).toBeNull()
    expect((await gql(`mutation { deleteView(id: ${aliceView.id}) { id } }`, users.bob.token)).errors?.length).toBeGreaterThan(0)
    expect((await ctx.payload.find({ collection: 'views', where: { id: { equals: aliceView.id } } })).totalDocs).toBe(1)
    expect((await gql(`mutation { deleteView(id: ${aliceView.id}) { id } }`, users.alice.token)).errors).toBeUndefined()
  })
})
