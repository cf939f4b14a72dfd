import { Forbidden } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

let ctx: PayloadInt

beforeAll(async () => {
  ctx = await initPayloadInt('users')
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('users and roles', () => {
  it('makes the first user an admin and later users plain users', async () => {
    const first = await ctx.payload.create({
      collection: 'users',
      data: { email: 'first@example.com', password: 'correct-horse-1' },
    })
    expect(first.roles).toEqual(['admin'])

    const second = await ctx.payload.create({
      collection: 'users',
      data: { email: 'second@example.com', password: 'correct-horse-2' },
    })
    expect(second.roles).toEqual(['user'])
  })

  it('lets only admins change roles', async () => {
    const user = (await ctx.payload.find({ collection: 'users', where: { email: { equals: 'second@example.com' } } })).docs[0]

    // Acting as the plain user on their own document: changing roles is refused (403 naming the
    // field) and nothing of the write is stored; the rest alone is fine.
    await expect(
      ctx.payload.update({ collection: 'users', id: user.id, data: { roles: ['admin'], name: 'Second' }, user, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403, fields: ['roles'] })
    const selfPromoted = await ctx.payload.update({
      collection: 'users',
      id: user.id,
      data: { name: 'Second' },
      user,
      overrideAccess: false,
    })
    expect(selfPromoted.roles).toEqual(['user'])
    expect(selfPromoted.name).toBe('Second')

    const admin = (await ctx.payload.find({ collection: 'users', where: { email: { equals: 'first@example.com' } } })).docs[0]
    const promoted = await ctx.payload.update({
      collection: 'users',
      id: user.id,
      data: { roles: ['editor'] },
      user: admin,
      overrideAccess: false,
    })
    expect(promoted.roles).toEqual(['editor'])
  })

  it('shows a plain user only the public profile of other accounts and denies deleting them', async () => {
    const plain = await ctx.payload.create({
      collection: 'users',
      data: { email: 'third@example.com', password: 'correct-horse-3' },
    })
    // Others appear with their public profile only: no email, no roles (and email cannot be queried).
    const visible = await ctx.payload.find({ collection: 'users', user: plain, overrideAccess: false })
    expect(visible.docs).toHaveLength(3)
    for (const doc of visible.docs) {
      if (doc.id === plain.id) {
        expect(doc.email).toBe('third@example.com')
        expect(doc.roles).toEqual(['user'])
      } else {
        expect(doc.email).toBeUndefined()
        expect(doc.roles).toBeUndefined()
      }
    }

    const admin = (await ctx.payload.find({ collection: 'users', where: { email: { equals: 'first@example.com' } } })).docs[0]
    await expect(ctx.payload.delete({ collection: 'users', id: admin.id, user: plain, overrideAccess: false })).rejects.toBeInstanceOf(
      Forbidden,
    )
  })

  it('answers REST and GraphQL', async () => {
    const token = await ctx.rest.login('first@example.com', 'correct-horse-1')
    const me = await ctx.rest.get('/users/me', { token })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('first@example.com')

    const anonymous = await ctx.rest.get('/users')
    expect(anonymous.status).toBe(403)

    const graphql = await ctx.rest.graphql('{ Users { totalDocs } }', {
      headers: { Authorization: `JWT ${token}` },
    })
    expect(graphql.status).toBe(200)
    expect(await graphql.json()).toEqual({ data: { Users: { totalDocs: 3 } } })
  })
})
