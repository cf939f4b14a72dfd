import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

let ctx: PayloadInt

beforeAll(async () => {
  ctx = await initPayloadInt('catalog-model')
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('the anime content model', () => {
  it('generates slugs, keeps the search columns current and joins genres back to their anime', async () => {
    const genre = await ctx.payload.create({ collection: 'genres', data: { name: 'Slice of Life' } })
    expect(genre.slug).toBe('slice-of-life')
    const anime = await ctx.payload.create({
      collection: 'anime',
      data: {
        title: 'Shingeki no Kyojin',
        titleEnglish: 'Attack on Titan',
        altTitles: [{ title: 'AoT' }],
        kind: 'tv',
        genres: [genre.id],
        externalIds: { mal: 16498 },
        _status: 'published',
      },
    })
    expect(anime.slug).toBe('shingeki-no-kyojin')
    expect(anime.viewCount).toBe(0)
    expect(anime).not.toHaveProperty('searchTitles')

    const pool = (ctx.payload.db as unknown as { pool: Pool }).pool
    const { rows } = await pool.query(`SELECT search_titles, search_vector::text AS vector FROM anime WHERE id = $1`, [anime.id])
    expect(rows[0].search_titles).toContain('attack on titan')
    expect(rows[0].search_titles).toContain('aot')
    expect(rows[0].vector).toContain("'kyojin'")

    const joined = await ctx.payload.findByID({ collection: 'genres', id: genre.id, depth: 0 })
    expect(joined.anime?.docs).toEqual([anime.id])
    // Populated into an anime, a genre is its own fields only: no join listing the genre's anime.
    const populated = await ctx.payload.findByID({ collection: 'anime', id: anime.id, depth: 1 })
    expect(populated.genres).toEqual([expect.objectContaining({ id: genre.id, name: 'Slice of Life', slug: 'slice-of-life' })])
    expect(populated.genres?.[0]).not.toHaveProperty('anime')

    await expect(
      ctx.payload.create({ collection: 'anime', data: { title: 'Another', externalIds: { mal: 16498 }, _status: 'published' } }),
    ).rejects.toThrow()
  })

  it('sets the owner of favorites and lists from the user, and refuses a second favorite of the same item', async () => {
    const anime = await ctx.payload.create({ collection: 'anime', data: { title: 'Mushishi', _status: 'published' } })
    // The first account of a database becomes admin: make it one not under test.
    await ctx.payload.create({ collection: 'users', data: { email: 'root@example.com', password: 'root-password' } })
    const owner = await ctx.payload.create({ collection: 'users', data: { email: 'fan@example.com', password: 'fan-password' } })
    const other = await ctx.payload.create({ collection: 'users', data: { email: 'other@example.com', password: 'other-password' } })

    const favorite = await ctx.payload.create({
      collection: 'favorites',
      data: { item: { relationTo: 'anime', value: anime.id }, user: other.id },
      user: owner,
      overrideAccess: false,
    })
    expect(typeof favorite.user === 'object' ? favorite.user?.id : favorite.user).toBe(owner.id)
    await expect(
      ctx.payload.create({
        collection: 'favorites',
        data: { item: { relationTo: 'anime', value: anime.id } },
        user: owner,
        overrideAccess: false,
      }),
    ).rejects.toThrow()

    const list = await ctx.payload.create({
      collection: 'lists',
      data: { name: 'Calm', items: [{ anime: anime.id }], owner: other.id, visibility: 'private' },
      user: owner,
      overrideAccess: false,
    })
    expect(typeof list.owner === 'object' ? list.owner?.id : list.owner).toBe(owner.id)
    expect(list.visibility).toBe('private')
  })
})
