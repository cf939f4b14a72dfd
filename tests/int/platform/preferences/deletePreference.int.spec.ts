import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

/**
 * `DELETE /api/payload-preferences/:key` is Payload's own handler (the admin panel resets a
 * preference with it). It deletes the caller's preference with that key: a key the caller does
 * not have answered 500 (the adapter's deleteOne, see src/platform/database/withEmptyDeleteOne.ts).
 */
let ctx: PayloadInt
const PREFERENCES = 'payload-preferences' as CollectionSlug
const accounts = {} as Record<'alice' | 'bob', { user: User; token: string }>

const preferencesOf = async (user: User, key: string) =>
  (
    await ctx.payload.count({
      collection: PREFERENCES,
      where: { and: [{ key: { equals: key } }, { 'user.value': { equals: user.id } }] },
      overrideAccess: true,
    })
  ).totalDocs
const remember = (user: User, key: string) =>
  ctx.payload.create({ collection: PREFERENCES, data: { key, value: { columns: ['name'] } } as never, user, overrideAccess: true })
const del = async (key: string, token?: string) => {
  const response = await ctx.rest.delete(`/payload-preferences/${encodeURIComponent(key)}`, {
    method: 'DELETE',
    ...(token ? { token } : {}),
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}

beforeAll(async () => {
  ctx = await initPayloadInt('delete-preference')
  for (const name of ['alice', 'bob'] as const) {
    const user = await ctx.payload.create({ collection: 'users', data: { email: `${name}@example.com`, password: 'preferences-password' } })
    accounts[name] = { user: { ...user, collection: 'users' } as User, token: await ctx.rest.login(user.email, 'preferences-password') }
  }
})

afterAll(() => ctx?.cleanup())

describe('DELETE /api/payload-preferences/:key', () => {
  it("deletes the caller's own preference: 200 with the deleted document", async () => {
    const { alice, bob } = accounts
    await remember(alice.user, 'design-bureaus-list')
    await remember(bob.user, 'design-bureaus-list')
    const answer = await del('design-bureaus-list', alice.token)
    expect(answer.status).toBe(200)
    expect(answer.body.key).toBe('design-bureaus-list')
    expect(await preferencesOf(alice.user, 'design-bureaus-list')).toBe(0)
    // Only the caller's: bob's preference of the same key stays.
    expect(await preferencesOf(bob.user, 'design-bureaus-list')).toBe(1)
  })

  it('a key the caller does not have is 404, and nobody else loses theirs', async () => {
    const { alice, bob } = accounts
    await remember(bob.user, 'only-bob-has-this')
    for (const key of ['never-set', 'only-bob-has-this']) {
      const answer = await del(key, alice.token)
      expect(answer.status, `${key}: ${JSON.stringify(answer.body)}`).toBe(404)
    }
    expect(await preferencesOf(bob.user, 'only-bob-has-this')).toBe(1)
  })

  it('anonymous is 401 (must sign in) and deletes nothing', async () => {
    const { bob } = accounts
    await remember(bob.user, 'kept')
    const answer = await del('kept')
    expect(answer.status).toBe(401)
    expect(await preferencesOf(bob.user, 'kept')).toBe(1)
  })
})
