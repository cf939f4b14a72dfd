import type { SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { cachedCollections, cachedGlobals } from '@/cachedContent'
import { cacheGenerations } from '@/platform/cache/responseCache/cacheDependencies'
import { TEST_SECRET } from '../../../helpers/testSecret'

/** What a change to one document invalidates, derived from the real config. */

let generations: ReturnType<typeof cacheGenerations>

beforeAll(async () => {
  Object.assign(process.env, { SECRET_KEY: TEST_SECRET, DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/unused' })
  const config: SanitizedConfig = await (await import('@payload-config')).default
  generations = cacheGenerations(config.collections, cachedCollections, { globals: config.globals, cachedGlobals })
})

const of = (collection: string, id?: number) => [...(generations.get(collection)?.(id) ?? [])].sort()

describe('cache generations of a change', () => {
  it('an anime: the lists it shows in, its own document reads, and the depth-0 reads that join anime', () => {
    const names = of('anime', 5)
    expect(names).toEqual(expect.arrayContaining(['anime', 'anime#5', 'genres', 'genres@deps', 'studios', 'studios@deps']))
    // Not every anime's depth-0 read: nothing in one shows another anime.
    expect(names).not.toContain('anime@deps')
    expect(names.filter((name) => name.includes('#'))).toEqual(['anime#5'])
    // FrankenJet's rich text may link an anime (and hides unpublished ones): its reads depend on anime.
    expect(names).toEqual(expect.arrayContaining(['articles', 'articles@deps']))
  })

  it('a genre: every list that can show it, its own document reads; no other depth-0 read shows it', () => {
    const names = of('genres', 3)
    expect(names).toEqual(expect.arrayContaining(['anime', 'genres', 'genres#3', 'studios']))
    expect(names).not.toContain('anime@deps')
    expect(names).not.toContain('genres@deps')
    expect(names.filter((name) => name.includes('#'))).toEqual(['genres#3'])
  })

  it('an uncached collection shown by cached ones: their lists, and its own document (the reads that populate it recorded it)', () => {
    expect(of('media', 9)).toContain('anime')
    expect(of('media', 9).filter((name) => name.includes('#'))).toEqual(['media#9'])
  })

  it('a document read whose field hooks look referenced entries up depends on their collection', () => {
    // Aircraft reference manufacturers through publishedOnly: publishing one changes depth-0 aircraft reads.
    expect(of('manufacturers', 1)).toContain('aircraft@deps')
  })

  it('without an id, every document read of the collection', () => {
    expect(of('anime')).toContain('anime@deps')
    expect(of('anime').filter((name) => name.includes('#'))).toEqual([])
  })

  it('leaves out what no shared response shows', () => {
    for (const slug of ['users', 'favorites', 'lists', 'views']) expect(generations.has(slug)).toBe(false)
  })
})
