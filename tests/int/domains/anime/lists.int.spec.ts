import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

let ctx: PayloadInt
const tokens: Record<'admin' | 'alice' | 'bob' | 'mod', string> = { admin: '', alice: '', bob: '', mod: '' }
const ids: Record<'alice' | 'bob', number> = { alice: 0, bob: 0 }

const send = (method: 'POST' | 'PATCH', body: unknown, token?: string) => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
  ...(token ? { token } : {}),
})
const ownerOf = (doc: { owner?: unknown }) => (doc.owner && typeof doc.owner === 'object' ? (doc.owner as { id: number }).id : doc.owner)

beforeAll(async () => {
  ctx = await initPayloadInt('anime-lists')
  const make = async (email: string, roles?: ('admin' | 'editor' | 'moderator' | 'user')[]) => {
    const user = await ctx.payload.create({ collection: 'users', data: { email, password: 'list-password', ...(roles ? { roles } : {}) } })
    return { id: user.id, token: await ctx.rest.login(email, 'list-password') }
  }
  tokens.admin = (await make('root@example.com')).token
  const alice = await make('alice@example.com')
  const bob = await make('bob@example.com')
  tokens.alice = alice.token
  tokens.bob = bob.token
  ids.alice = alice.id
  ids.bob = bob.id
  tokens.mod = (await make('mod@example.com', ['moderator'])).token
})

afterAll(async () => {
  await ctx?.cleanup()
})

const createList = async (token: string, data: Record<string, unknown>) => {
  const response = await ctx.rest.post('/lists?depth=0', send('POST', data, token))
  expect(response.status, await response.clone().text()).toBe(201)
  return ((await response.json()) as { doc: { id: number; owner: unknown; hidden?: boolean } }).doc
}
const listedIds = async (token?: string) => {
  const response = await ctx.rest.get('/lists?depth=0&limit=100', token ? { token } : {})
  expect(response.status).toBe(200)
  return ((await response.json()) as { docs: { id: number }[] }).docs.map((doc) => doc.id)
}

describe('user lists', () => {
  it('shows private lists to the owner and admins only, public lists to everyone, unlisted ones by id', async () => {
    const priv = await createList(tokens.bob, { name: 'Secret', visibility: 'private' })
    const pub = await createList(tokens.bob, { name: 'Best of', visibility: 'public' })
    const unl = await createList(tokens.bob, { name: 'For friends', visibility: 'unlisted' })

    expect((await ctx.rest.get(`/lists/${priv.id}`, { token: tokens.bob })).status).toBe(200)
    expect((await ctx.rest.get(`/lists/${priv.id}`, { token: tokens.admin })).status).toBe(200)
    for (const token of [tokens.alice, tokens.mod, undefined]) {
      expect([403, 404]).toContain((await ctx.rest.get(`/lists/${priv.id}`, token ? { token } : {})).status)
      expect((await ctx.rest.get(`/lists/${unl.id}`, token ? { token } : {})).status).toBe(200)
      expect((await ctx.rest.get(`/lists/${pub.id}`, token ? { token } : {})).status).toBe(200)
      const listed = await listedIds(token)
      expect(listed).toContain(pub.id)
      expect(listed).not.toContain(priv.id)
      expect(listed).not.toContain(unl.id)
    }
    expect(await listedIds(tokens.bob)).toEqual(expect.arrayContaining([priv.id, pub.id, unl.id]))
  })

  it('lets a moderator hide a public list but not edit it; hidden lists are no longer public', async () => {
    const pub = await createList(tokens.bob, { name: 'Loud', visibility: 'public' })
    // Nobody hides a list at creation but staff: the attempt is refused, nothing is created.
    const selfHidden = await ctx.rest.post(
      '/lists?depth=0',
      send('POST', { name: 'Mine', visibility: 'public', hidden: true }, tokens.alice),
    )
    expect(selfHidden.status).toBe(403)
    expect((await ctx.payload.count({ collection: 'lists', where: { name: { equals: 'Mine' } } })).totalDocs).toBe(0)

    // A moderator may not rename it: refused with 403 naming the field (no longer a silent 200).
    const renamed = await ctx.rest.patch(`/lists/${pub.id}?depth=0`, send('PATCH', { name: 'Quiet' }, tokens.mod))
    expect(renamed.status).toBe(403)
    expect(((await renamed.json()) as { errors: { field?: string }[] }).errors.map((error) => error.field)).toEqual(['name'])
    const hide = await ctx.rest.patch(`/lists/${pub.id}?depth=0`, send('PATCH', { hidden: true }, tokens.mod))
    expect(hide.status).toBe(200)
    const stored = await ctx.payload.findByID({ collection: 'lists', id: pub.id, depth: 0 })
    expect(stored).toMatchObject({ name: 'Loud', hidden: true })

    expect([403, 404]).toContain((await ctx.rest.get(`/lists/${pub.id}`)).status)
    expect([403, 404]).toContain((await ctx.rest.get(`/lists/${pub.id}`, { token: tokens.alice })).status)
    expect(await listedIds()).not.toContain(pub.id)
    expect((await ctx.rest.get(`/lists/${pub.id}`, { token: tokens.bob })).status).toBe(200)
    expect((await ctx.rest.get(`/lists/${pub.id}`, { token: tokens.mod })).status).toBe(200)

    // The owner cannot unhide it.
    await ctx.rest.patch(`/lists/${pub.id}?depth=0`, send('PATCH', { hidden: false }, tokens.bob))
    expect((await ctx.payload.findByID({ collection: 'lists', id: pub.id, depth: 0 })).hidden).toBe(true)
  })

  it('never lets anyone set or change the owner, nor change or delete another user’s list', async () => {
    const list = await createList(tokens.alice, { name: 'Claimed', visibility: 'public', owner: ids.bob })
    expect(ownerOf(list)).toBe(ids.alice)
    await ctx.rest.patch(`/lists/${list.id}?depth=0`, send('PATCH', { owner: ids.bob }, tokens.alice))
    expect(ownerOf(await ctx.payload.findByID({ collection: 'lists', id: list.id, depth: 0 }))).toBe(ids.alice)

    const edit = await ctx.rest.patch(`/lists/${list.id}?depth=0`, send('PATCH', { name: 'Stolen' }, tokens.bob))
    expect([403, 404]).toContain(edit.status)
    const removed = await ctx.rest.delete(`/lists/${list.id}`, { method: 'DELETE', token: tokens.bob })
    expect([403, 404]).toContain(removed.status)
    expect((await ctx.payload.findByID({ collection: 'lists', id: list.id, depth: 0 })).name).toBe('Claimed')

    const anonymous = await ctx.rest.post('/lists', send('POST', { name: 'Nobody', visibility: 'public' }))
    expect(anonymous.status).toBe(403)
  })

  it('keeps lists readable and updatable when an anime in them is deleted from the catalog', async () => {
    const keep = await ctx.payload.create({ collection: 'anime', data: { title: 'Keeper', _status: 'published' } })
    const gone = await ctx.payload.create({ collection: 'anime', data: { title: 'Goner', _status: 'published' } })
    const list = await createList(tokens.alice, {
      name: 'Mixed',
      visibility: 'public',
      items: [{ anime: gone.id }, { anime: keep.id, note: 'stays' }],
    })
    await ctx.payload.delete({ collection: 'anime', id: gone.id })

    const read = await ctx.rest.get(`/lists/${list.id}?depth=0`)
    expect(read.status).toBe(200)
    const body = (await read.json()) as { items: { anime: number; note?: string }[] }
    expect(body.items.map((item) => item.anime)).toEqual([keep.id])

    const updated = await ctx.rest.patch(`/lists/${list.id}?depth=0`, send('PATCH', { name: 'Mixed, pruned' }, tokens.alice))
    expect(updated.status, await updated.clone().text()).toBe(200)
    const again = (await updated.json()) as { doc: { name: string; items: { anime: number }[] } }
    expect(again.doc.name).toBe('Mixed, pruned')
    expect(again.doc.items.map((item) => item.anime)).toEqual([keep.id])

    const listed = await ctx.rest.get('/lists?depth=1&limit=100')
    expect(listed.status).toBe(200)
  })
})
