import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { getResponseStore } from '@/platform/cache/responseCache'
import { cacheGenerations } from '@/platform/cache/responseCache/cacheDependencies'
import { type ReadDependencies, recordReadDependencies } from '@/platform/cache/responseCache/readDependencies'
import { cachedCollections, cachedGlobals } from '@/cachedContent'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

/**
 * What a document read records as its dependencies (hooks/recordCachedReads), in-process on the real
 * config and PostgreSQL, read as an anonymous caller reads: its own document, every document it
 * populates or tries to populate (rich-text links and drafts included), and its collection's
 * dependencies only when a join's members are in the response. Every generation recorded is one
 * that the matching change bumps (cacheGenerations): together, a change refreshes exactly the reads
 * that show it.
 */

let int: PayloadInt
let payload: Payload
let genre: number
let studio: number
let linked: number
let draft: number
let reader: number

const text = (value: string) => ({ type: 'text', text: value, version: 1, format: 0, mode: 'normal', style: '', detail: 0 })
const link = (id: number) => ({
  type: 'link',
  version: 3,
  fields: { linkType: 'internal', doc: { relationTo: 'anime', value: id }, newTab: false },
  children: [text(`anime ${id}`)],
  direction: 'ltr' as const,
  format: '' as const,
  indent: 0,
})
const synopsisLinking = (...ids: number[]) => ({
  root: {
    type: 'root',
    version: 1,
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    children: [
      { type: 'paragraph', version: 1, children: [text('See '), ...ids.map(link)], direction: 'ltr', format: '', indent: 0, textFormat: 0 },
    ],
  },
})

/** What an anonymous read of anime `id` at `depth` records. */
const recorded = async (collection: 'anime' | 'genres', id: number, depth: number, select?: Record<string, true>): Promise<string[]> => {
  const dependencies: ReadDependencies = new Set()
  await recordReadDependencies(dependencies, () =>
    payload.findByID({ collection, id, depth, overrideAccess: false, ...(select ? { select } : {}) }),
  )
  return [...dependencies].sort()
}

beforeAll(async () => {
  int = await initPayloadInt('cache-read-dependencies')
  payload = int.payload
  genre = (await payload.create({ collection: 'genres', data: { name: 'Recorded Genre' } })).id
  studio = (await payload.create({ collection: 'studios', data: { name: 'Recorded Studio' } })).id
  linked = (await payload.create({ collection: 'anime', data: { title: 'Linked Title', _status: 'published' } })).id
  draft = (await payload.create({ collection: 'anime', data: { title: 'Draft Title', _status: 'draft' }, draft: true })).id
  reader = (
    await payload.create({
      collection: 'anime',
      data: { title: 'Reader Title', _status: 'published', genres: [genre], studios: [studio], synopsis: synopsisLinking(linked, draft) },
    })
  ).id
})

afterAll(async () => {
  await int?.cleanup()
})

describe('recorded read dependencies', () => {
  it('nothing is recorded outside a recording', async () => {
    const dependencies: ReadDependencies = new Set()
    await payload.findByID({ collection: 'anime', id: reader, depth: 1, overrideAccess: false })
    expect(dependencies.size).toBe(0)
  })

  it('a depth-0 anime read: its own document, and the deletions of what it references (they empty its references)', async () => {
    expect(await recorded('anime', reader, 0)).toEqual([`anime#${reader}`, 'genres@deleted', 'media@deleted', 'studios@deleted'])
  })

  it('a depth-1 anime read: its own document, what it populates, and what its rich text links, drafts included', async () => {
    const names = await recorded('anime', reader, 1)
    expect(names).toEqual(
      expect.arrayContaining([`anime#${reader}`, `genres#${genre}`, `studios#${studio}`, `anime#${linked}`, `anime#${draft}`]),
    )
    // Populated genres leave their join out (defaultPopulate): no dependency on every anime.
    expect(names).not.toContain('genres@deps')
    expect(names).not.toContain('studios@deps')
    expect(names).not.toContain('anime@deps')
    expect(names).not.toContain('anime')
    const doc = await payload.findByID({ collection: 'anime', id: reader, depth: 1, overrideAccess: false })
    // The draft is not shown (null), the published link is: publishing the draft must refresh this read.
    expect(JSON.stringify(doc.synopsis)).toContain('Linked Title')
    expect(JSON.stringify(doc.synopsis)).not.toContain('Draft Title')
  })

  it('a genre read shows its join: it depends on the genre and on what the join lists', async () => {
    expect(await recorded('genres', genre, 0)).toEqual(['genres#' + genre, 'genres@deps'])
    expect(await recorded('genres', genre, 0, { name: true })).toEqual(['genres#' + genre])
  })

  it('every recorded generation is bumped by the change it stands for', async () => {
    const generations = cacheGenerations(int.config.collections, cachedCollections, { globals: int.config.globals, cachedGlobals })
    expect(generations.get('anime')!(linked)).toContain(`anime#${linked}`)
    expect(generations.get('anime')!(draft)).toContain(`anime#${draft}`)
    expect(generations.get('genres')!(genre)).toContain(`genres#${genre}`)
    expect(generations.get('anime')!(reader)).toContain('genres@deps')
    expect(generations.get('anime')!(linked)).not.toContain(`anime#${reader}`)
  })

  it('a deletion bumps its collection’s deletion generation (responseCachePlugin’s afterDelete)', async () => {
    const store = getResponseStore()!
    const gone = (await payload.create({ collection: 'genres', data: { name: 'Gone' } })).id
    const { snapshot } = await store.lookupTracked('deletion probe')
    const entry = { status: 200, headers: {}, body: Buffer.from('{}') }
    expect(await store.saveTracked('deletion probe', ['genres@deleted'], snapshot!, entry, 60)).toBe(true)
    expect((await store.lookupTracked('deletion probe')).hit).not.toBeNull()
    await payload.delete({ collection: 'genres', id: gone })
    expect((await store.lookupTracked('deletion probe')).hit).toBeNull()
  })
})
