import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { cacheDependencies, getResponseStore, type ResponseStore } from '@/platform/cache/responseCache'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

/**
 * Invalidation in-process, without Redis (the embedded default keeps the cache in memory): which
 * collections invalidate which, and that it happens only once a change has committed.
 */

let int: PayloadInt
let store: ResponseStore

/** The versioned key a lookup would save under: it changes exactly when `collection` is invalidated. */
const generationOf = async (collection: string) => (await store.lookup(collection, 'probe')).versionedKey

beforeAll(async () => {
  int = await initPayloadInt('cache-invalidation')
  store = getResponseStore() as ResponseStore
})

afterAll(async () => {
  await int?.cleanup()
})

describe('cache invalidation', () => {
  it('derives what invalidates what from the collections’ relationships', () => {
    const affected = cacheDependencies(int.config.collections, ['anime', 'genres', 'studios'])
    expect(affected.get('anime')).toEqual(['anime', 'genres', 'studios'])
    // Anime pages populate genres, studios and posters; genre and studio pages join their anime.
    expect(affected.get('genres')).toEqual(['anime', 'genres', 'studios'])
    expect(affected.get('media')).toEqual(['anime', 'genres', 'studios'])
    // Private or per-user data never reaches a shared response.
    for (const slug of ['users', 'favorites', 'lists', 'views', 'auth-sessions']) expect(affected.has(slug)).toBe(false)
  })

  it('invalidates after a change commits, not before, and not at all when it rolls back', async () => {
    const { payload } = int
    const genre = await payload.create({ collection: 'genres', data: { name: 'Isekai' } })

    const committed = await createLocalReq({}, payload)
    await initTransaction(committed)
    const before = await generationOf('anime')
    await payload.update({ collection: 'genres', id: genre.id, data: { name: 'Isekai (renamed)' }, req: committed })
    // Inside the transaction a reader would still see the old rows: nothing is invalidated yet.
    expect(await generationOf('anime')).toBe(before)
    await commitTransaction(committed)
    const after = await generationOf('anime')
    expect(after).not.toBe(before)

    const rolledBack = await createLocalReq({}, payload)
    await initTransaction(rolledBack)
    await payload.update({ collection: 'genres', id: genre.id, data: { name: 'Never seen' }, req: rolledBack })
    await killTransaction(rolledBack)
    expect(await generationOf('anime')).toBe(after)
    expect((await payload.findByID({ collection: 'genres', id: genre.id })).name).toBe('Isekai (renamed)')
  })

  it('leaves the cache alone for writes that no shared response shows', async () => {
    const before = await generationOf('anime')
    const user = await int.payload.create({
      collection: 'users',
      data: { email: 'cache-reader@example.com', password: 'cache-reader-password', name: 'Reader' },
    })
    await int.payload.update({ collection: 'users', id: user.id, data: { name: 'Reader 2' } })
    expect(await generationOf('anime')).toBe(before)
  })

  it('caches globals too: the settings global is invalidated by its own change and by its featured articles', async () => {
    const affected = cacheDependencies(int.config.collections, ['articles'], {
      globals: int.config.globals,
      cachedGlobals: ['app-settings'],
    })
    expect(affected.get('globals/app-settings')).toEqual(['globals/app-settings'])
    expect(affected.get('articles')).toEqual(['articles', 'globals/app-settings'])

    const before = await generationOf('globals/app-settings')
    await int.payload.updateGlobal({ slug: 'app-settings', data: { siteTitle: 'FrankenJet (test)' } })
    const afterOwnChange = await generationOf('globals/app-settings')
    expect(afterOwnChange).not.toBe(before)
    await int.payload.create({
      collection: 'articles',
      data: { title: 'Featured soon', _status: 'published', workflowStatus: 'published' },
    })
    expect(await generationOf('globals/app-settings')).not.toBe(afterOwnChange)
  })

  it('can be switched off for a write through req.context', async () => {
    const before = await generationOf('studios')
    await int.payload.create({ collection: 'studios', data: { name: 'Quiet Studio' }, context: { skipCacheInvalidation: true } })
    expect(await generationOf('studios')).toBe(before)
    await int.payload.create({ collection: 'studios', data: { name: 'Loud Studio' } })
    expect(await generationOf('studios')).not.toBe(before)
  })
})
