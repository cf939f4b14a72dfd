import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { aviationCachedCollections } from '@/domains/aviation/cachedCollections'
import { cacheDependencies, getResponseStore, type ResponseStore } from '@/platform/cache/responseCache'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

/** The FrankenJet collections are cached public reads: what invalidates them, in-process (no Redis). */
let ctx: PayloadInt
let store: ResponseStore

const generationOf = async (collection: string) => (await store.lookup(collection, 'probe')).versionedKey

beforeAll(async () => {
  ctx = await initPayloadInt('aviation-cache')
  store = getResponseStore() as ResponseStore
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('response cache of the aviation collections', () => {
  it('follows relationships and joins between entries', () => {
    const affected = cacheDependencies(ctx.config.collections, aviationCachedCollections)
    // An aircraft shows up in articles (related), its bureau, designers and manufacturer (joins) and events.
    expect(affected.get('aircraft')).toEqual(
      expect.arrayContaining(['aircraft', 'articles', 'design-bureaus', 'designers', 'manufacturers', 'historical-events']),
    )
    expect(affected.get('categories')).toEqual(expect.arrayContaining(['articles', 'categories']))
    expect(affected.get('media')).toEqual(expect.arrayContaining([...aviationCachedCollections]))
    for (const slug of ['users', 'favorites', 'auth-sessions']) expect(affected.has(slug)).toBe(false)
  })

  it('invalidates the pages that show an entry when it changes', async () => {
    const aircraft = await ctx.payload.create({
      collection: 'aircraft',
      data: { name: 'Як-40', _status: 'published', workflowStatus: 'published' },
    })
    const before = await Promise.all(['articles', 'design-bureaus', 'aircraft'].map(generationOf))
    await ctx.payload.update({ collection: 'aircraft', id: aircraft.id, data: { designation: 'Yak-40' } })
    const after = await Promise.all(['articles', 'design-bureaus', 'aircraft'].map(generationOf))
    after.forEach((generation, index) => expect(generation).not.toBe(before[index]))
  })
})
