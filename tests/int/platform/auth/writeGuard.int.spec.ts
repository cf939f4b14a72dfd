import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

// A write that tries to change a field the caller may not write is refused (403 naming the field)
// instead of Payload's default: strip the field, write the rest, answer 200.
let ctx: PayloadInt
type Who = 'admin' | 'owner' | 'mod' | 'other'
const users = {} as Record<Who, { id: number; token: string }>
let animeId = 0

type ErrorBody = { errors?: { message: string; field?: string }[] }
type GraphQLBody = {
  data?: Record<string, unknown> | null
  errors?: { message: string; extensions?: { statusCode?: number; data?: { errors?: { path: string }[] } } }[]
}

const json = (method: 'POST' | 'PATCH', body: unknown, token?: string) => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
  ...(token ? { token } : {}),
})
const gql = async (query: string, token: string): Promise<GraphQLBody> =>
  (await (await ctx.rest.graphql(query, { token })).json()) as GraphQLBody
const stored = (id: number) => ctx.payload.findByID({ collection: 'lists', id, depth: 0, overrideAccess: true })

const publicList = async () =>
  ctx.payload.create({
    collection: 'lists',
    data: {
      name: 'Best of',
      description: 'All-time favourites',
      visibility: 'public',
      owner: users.owner.id,
      items: [{ anime: animeId, note: 'classic' }],
    },
    overrideAccess: true,
  })

beforeAll(async () => {
  ctx = await initPayloadInt('write_guard')
  const make = async (who: Who, roles?: ('admin' | 'moderator' | 'user')[]) => {
    const user = await ctx.payload.create({
      collection: 'users',
      data: { email: `${who}@example.com`, password: 'guard-password', ...(roles ? { roles } : {}) },
    })
    users[who] = { id: user.id, token: await ctx.rest.login(user.email, 'guard-password') }
  }
  await make('admin')
  await make('owner', ['user'])
  await make('mod', ['moderator'])
  await make('other', ['user'])
  animeId = (await ctx.payload.create({ collection: 'anime', data: { title: 'Listed', _status: 'published' } })).id
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('write guard: REST', () => {
  it('refuses a moderator’s change of another user’s list description or visibility with 403 naming the field, writing nothing', async () => {
    const list = await publicList()
    const before = await stored(list.id)

    const description = await ctx.rest.patch(`/lists/${list.id}`, json('PATCH', { description: 'defaced' }, users.mod.token))
    expect(description.status).toBe(403)
    const body = (await description.json()) as ErrorBody
    expect(body.errors).toEqual([{ message: expect.stringContaining('description'), field: 'description', name: 'ForbiddenFieldsError' }])

    // Fields the moderator may write, sent with one they may not: nothing of it is written.
    const mixed = await ctx.rest.patch(`/lists/${list.id}`, json('PATCH', { visibility: 'private', hidden: true }, users.mod.token))
    expect(mixed.status).toBe(403)
    expect(((await mixed.json()) as ErrorBody).errors?.map((error) => error.field)).toEqual(['visibility'])

    const two = await ctx.rest.patch(`/lists/${list.id}`, json('PATCH', { name: 'Mine', description: 'x' }, users.mod.token))
    expect(two.status).toBe(403)
    expect(((await two.json()) as ErrorBody).errors?.map((error) => error.field).sort()).toEqual(['description', 'name'])

    expect(await stored(list.id)).toEqual(before)
  })

  it('lets values sent back unchanged pass, as the admin panel submits whole documents', async () => {
    const list = await publicList()
    // The whole document as a client read it (populated, depth 1), with the one field the moderator may change.
    const read = (await (await ctx.rest.get(`/lists/${list.id}?depth=1`, { token: users.mod.token })).json()) as Record<string, unknown>
    const response = await ctx.rest.patch(`/lists/${list.id}`, json('PATCH', { ...read, hidden: true }, users.mod.token))
    expect(response.status, await response.clone().text()).toBe(200)
    const after = await stored(list.id)
    expect(after).toMatchObject({ hidden: true, description: 'All-time favourites', visibility: 'public', name: 'Best of' })
    expect(after.items?.map((item) => [item.anime, item.note])).toEqual([[animeId, 'classic']])
  })

  it('refuses a changed row inside an array field, naming it', async () => {
    const list = await publicList()
    const before = await stored(list.id)
    const items = before.items!.map((item) => ({ ...item, note: 'rewritten' }))
    const response = await ctx.rest.patch(`/lists/${list.id}`, json('PATCH', { items }, users.mod.token))
    expect(response.status).toBe(403)
    expect(((await response.json()) as ErrorBody).errors?.map((error) => error.field)).toEqual(['items'])
    expect(await stored(list.id)).toEqual(before)
  })

  it('lets the owner change their own list', async () => {
    const list = await publicList()
    const response = await ctx.rest.patch(
      `/lists/${list.id}`,
      json('PATCH', { description: 'updated', visibility: 'unlisted' }, users.owner.token),
    )
    expect(response.status, await response.clone().text()).toBe(200)
    expect(await stored(list.id)).toMatchObject({ description: 'updated', visibility: 'unlisted' })
  })

  it('refuses a create with a field the caller may not set (403, nothing created); the default value passes', async () => {
    const count = async () => (await ctx.payload.count({ collection: 'lists', where: { name: { equals: 'Self-hidden' } } })).totalDocs
    const refused = await ctx.rest.post(
      '/lists',
      json('POST', { name: 'Self-hidden', visibility: 'public', hidden: true }, users.other.token),
    )
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as ErrorBody).errors?.map((error) => error.field)).toEqual(['hidden'])
    expect(await count()).toBe(0)

    const withDefault = await ctx.rest.post(
      '/lists',
      json('POST', { name: 'Self-hidden', visibility: 'public', hidden: false }, users.other.token),
    )
    expect(withDefault.status, await withDefault.clone().text()).toBe(201)
    expect(await count()).toBe(1)
  })

  it('refuses a user’s change of their own roles; the same document sent back passes', async () => {
    const response = await ctx.rest.patch(
      `/users/${users.other.id}`,
      json('PATCH', { roles: ['admin'], name: 'Climber' }, users.other.token),
    )
    expect(response.status).toBe(403)
    expect(((await response.json()) as ErrorBody).errors?.map((error) => error.field)).toEqual(['roles'])
    const user = await ctx.payload.findByID({ collection: 'users', id: users.other.id, overrideAccess: true })
    expect(user.roles).toEqual(['user'])
    expect(user.name ?? null).toBeNull()

    const same = await ctx.rest.patch(`/users/${users.other.id}`, json('PATCH', { roles: ['user'], name: 'Climber' }, users.other.token))
    expect(same.status, await same.clone().text()).toBe(200)
  })
})

describe('write guard: GraphQL and the Local API', () => {
  it('refuses the moderator’s change over GraphQL with a 403 error naming the field, writing nothing', async () => {
    const list = await publicList()
    const before = await stored(list.id)
    const body = await gql(`mutation { updateList(id: ${list.id}, data: { description: "defaced" }) { id description } }`, users.mod.token)
    expect(body.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect(body.errors?.[0]?.message).toContain('description')
    expect(body.errors?.[0]?.extensions?.data?.errors?.map((error) => error.path)).toEqual(['description'])
    expect(await stored(list.id)).toEqual(before)

    const allowed = await gql(`mutation { updateList(id: ${list.id}, data: { hidden: true }) { id hidden } }`, users.mod.token)
    expect(allowed.errors).toBeUndefined()
    expect((await stored(list.id)).hidden).toBe(true)
  })

  it('refuses a Local API write acting for a user; internal writes (overrideAccess) are unaffected', async () => {
    const list = await publicList()
    const mod = await ctx.payload.findByID({ collection: 'users', id: users.mod.id, overrideAccess: true })
    await expect(
      ctx.payload.update({ collection: 'lists', id: list.id, data: { visibility: 'private' }, user: mod, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403, name: 'ForbiddenFieldsError' })
    expect((await stored(list.id)).visibility).toBe('public')

    await ctx.payload.update({ collection: 'lists', id: list.id, data: { visibility: 'private', description: 'by the system' } })
    expect(await stored(list.id)).toMatchObject({ visibility: 'private', description: 'by the system' })
  })

  it('refuses setting a server-managed counter, even for an admin, but passes the default the admin panel sends', async () => {
    const admin = await ctx.payload.findByID({ collection: 'users', id: users.admin.id, overrideAccess: true })
    await expect(
      ctx.payload.create({ collection: 'anime', data: { title: 'Inflated', viewCount: 1000 }, user: admin, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
    const created = await ctx.payload.create({
      collection: 'anime',
      data: { title: 'Plain', viewCount: 0 },
      user: admin,
      overrideAccess: false,
    })
    expect(created.viewCount).toBe(0)
  })
})
