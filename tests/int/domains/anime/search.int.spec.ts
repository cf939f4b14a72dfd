import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { AnimeSearchIndex } from '@/domains/anime/search/memory/searchIndex'
import { parseSearchParams, parseSuggestParams } from '@/domains/anime/search/params'
import { payloadSearchSource, SEARCH_SETTINGS, searchAnime, searchPageFromRows, suggestAnime } from '@/domains/anime/search/searchAnime'
import { searchSql } from '@/domains/anime/search/sql'
import { gradientImage } from '../../../helpers/images'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

type Kind = 'tv' | 'movie' | 'ova' | 'ona' | 'special' | 'music'
type Seed = {
  title: string
  en?: string
  ja?: string
  ru?: string
  alt?: string[]
  kind: Kind
  year: number | null
  airedFrom?: string
  score: number | null
  favorites: number
  views: number
  genres: string[]
  synopsis?: string
}

/** 30 published anime: romaji, English, Japanese and Russian titles, alternative titles, sequels. */
const SEEDS: Seed[] = [
  {
    title: 'Shingeki no Kyojin',
    en: 'Attack on Titan',
    ja: '進撃の巨人',
    ru: 'Атака титанов',
    alt: ['AoT'],
    kind: 'tv',
    year: 2013,
    airedFrom: '2013-04-07',
    score: 8.54,
    favorites: 900,
    views: 9000,
    genres: ['action', 'drama', 'fantasy'],
    synopsis: 'Humanity lives inside cities surrounded by enormous walls that protect them from man-eating giants.',
  },
  {
    title: 'Shingeki no Kyojin Season 2',
    en: 'Attack on Titan Season 2',
    ja: '進撃の巨人 Season2',
    kind: 'tv',
    year: 2017,
    airedFrom: '2017-04-01',
    score: 8.5,
    favorites: 500,
    views: 4000,
    genres: ['action', 'drama', 'fantasy'],
    synopsis: 'The Survey Corps faces a new threat from within the walls.',
  },
  {
    title: 'Shingeki no Kyojin: The Final Season',
    en: 'Attack on Titan: The Final Season',
    ja: '進撃の巨人 The Final Season',
    kind: 'tv',
    year: 2020,
    airedFrom: '2020-12-07',
    score: 8.78,
    favorites: 600,
    views: 5000,
    genres: ['action', 'drama'],
  },
  {
    title: 'Kimetsu no Yaiba',
    en: 'Demon Slayer',
    ja: '鬼滅の刃',
    ru: 'Клинок, рассекающий демонов',
    alt: ['Demon Slayer: Kimetsu no Yaiba'],
    kind: 'tv',
    year: 2019,
    airedFrom: '2019-04-06',
    score: 8.45,
    favorites: 800,
    views: 8000,
    genres: ['action', 'fantasy'],
    synopsis: 'Tanjirou becomes a swordsman after his family is slaughtered.',
  },
  {
    title: 'Kimetsu no Yaiba Movie: Mugen Ressha-hen',
    en: 'Demon Slayer: Mugen Train',
    ja: '劇場版 鬼滅の刃 無限列車編',
    kind: 'movie',
    year: 2020,
    airedFrom: '2020-10-16',
    score: 8.35,
    favorites: 400,
    views: 3000,
    genres: ['action', 'fantasy'],
  },
  {
    title: 'Sen to Chihiro no Kamikakushi',
    en: 'Spirited Away',
    ja: '千と千尋の神隠し',
    ru: 'Унесённые призраками',
    kind: 'movie',
    year: 2001,
    airedFrom: '2001-07-20',
    score: 8.77,
    favorites: 700,
    views: 7000,
    genres: ['fantasy', 'drama'],
    synopsis: 'A girl works in a bathhouse for spirits run by the witch Yubaba to save her parents.',
  },
  {
    title: 'Hauru no Ugoku Shiro',
    en: "Howl's Moving Castle",
    ja: 'ハウルの動く城',
    kind: 'movie',
    year: 2004,
    airedFrom: '2004-11-20',
    score: 8.66,
    favorites: 450,
    views: 3500,
    genres: ['fantasy', 'romance'],
  },
  {
    title: 'Mononoke Hime',
    en: 'Princess Mononoke',
    ja: 'もののけ姫',
    kind: 'movie',
    year: 1997,
    airedFrom: '1997-07-12',
    score: 8.67,
    favorites: 420,
    views: 3300,
    genres: ['fantasy', 'action'],
  },
  {
    title: 'Kimi no Na wa.',
    en: 'Your Name.',
    ja: '君の名は。',
    kind: 'movie',
    year: 2016,
    airedFrom: '2016-08-26',
    score: 8.83,
    favorites: 650,
    views: 6000,
    genres: ['romance', 'drama'],
  },
  {
    title: 'Koe no Katachi',
    en: 'A Silent Voice',
    ja: '聲の形',
    kind: 'movie',
    year: 2016,
    airedFrom: '2016-09-17',
    score: 8.93,
    favorites: 640,
    views: 5900,
    genres: ['drama', 'romance'],
  },
  {
    title: 'Cowboy Bebop',
    ja: 'カウボーイビバップ',
    kind: 'tv',
    year: 1998,
    airedFrom: '1998-04-03',
    score: 8.75,
    favorites: 610,
    views: 5600,
    genres: ['action', 'sci-fi'],
    synopsis: 'Bounty hunters travel the solar system aboard the spaceship Bebop.',
  },
  {
    title: 'Cowboy Bebop: Tengoku no Tobira',
    en: 'Cowboy Bebop: The Movie',
    kind: 'movie',
    year: 2001,
    airedFrom: '2001-09-01',
    score: 8.38,
    favorites: 200,
    views: 1500,
    genres: ['action', 'sci-fi'],
  },
  {
    title: 'Fullmetal Alchemist: Brotherhood',
    ja: '鋼の錬金術師 FULLMETAL ALCHEMIST',
    alt: ['Hagane no Renkinjutsushi: Fullmetal Alchemist'],
    kind: 'tv',
    year: 2009,
    airedFrom: '2009-04-05',
    score: 9.1,
    favorites: 990,
    views: 9900,
    genres: ['action', 'fantasy', 'drama'],
  },
  {
    title: 'Steins;Gate',
    ja: 'シュタインズ・ゲート',
    kind: 'tv',
    year: 2011,
    airedFrom: '2011-04-06',
    score: 9.07,
    favorites: 880,
    views: 8100,
    genres: ['sci-fi', 'drama'],
  },
  {
    title: 'Death Note',
    ja: 'デスノート',
    kind: 'tv',
    year: 2006,
    airedFrom: '2006-10-04',
    score: 8.62,
    favorites: 870,
    views: 9500,
    genres: ['drama'],
  },
  {
    title: 'Boku no Hero Academia',
    en: 'My Hero Academia',
    ja: '僕のヒーローアカデミア',
    kind: 'tv',
    year: 2016,
    airedFrom: '2016-04-03',
    score: 7.86,
    favorites: 500,
    views: 7000,
    genres: ['action', 'comedy'],
  },
  {
    title: 'Jujutsu Kaisen',
    ja: '呪術廻戦',
    kind: 'tv',
    year: 2020,
    airedFrom: '2020-10-03',
    score: 8.6,
    favorites: 700,
    views: 7700,
    genres: ['action', 'fantasy'],
  },
  {
    title: 'Sousou no Frieren',
    en: "Frieren: Beyond Journey's End",
    ja: '葬送のフリーレン',
    kind: 'tv',
    year: 2023,
    airedFrom: '2023-09-29',
    score: 9.3,
    favorites: 720,
    views: 4000,
    genres: ['fantasy', 'drama'],
  },
  {
    title: 'Kusuriya no Hitorigoto',
    en: 'The Apothecary Diaries',
    ja: '薬屋のひとりごと',
    kind: 'tv',
    year: 2023,
    airedFrom: '2023-10-22',
    score: 8.88,
    favorites: 300,
    views: 2500,
    genres: ['drama'],
  },
  {
    title: 'Mushishi',
    ja: '蟲師',
    kind: 'tv',
    year: 2005,
    airedFrom: '2005-10-23',
    score: 8.68,
    favorites: 300,
    views: 2000,
    genres: ['fantasy'],
    synopsis: 'Ginko wanders the countryside studying mushi, the most basic forms of life.',
  },
  {
    title: 'Tengen Toppa Gurren Lagann',
    en: 'Gurren Lagann',
    ja: '天元突破グレンラガン',
    kind: 'tv',
    year: 2007,
    airedFrom: '2007-04-01',
    score: 8.63,
    favorites: 610,
    views: 5000,
    genres: ['action', 'sci-fi'],
  },
  {
    title: 'Shin Seiki Evangelion',
    en: 'Neon Genesis Evangelion',
    ja: '新世紀エヴァンゲリオン',
    kind: 'tv',
    year: 1995,
    airedFrom: '1995-10-04',
    score: 8.35,
    favorites: 600,
    views: 6000,
    genres: ['sci-fi', 'drama'],
    synopsis: 'Teenagers pilot titan-sized bio-machines against the Angels that attack Tokyo-3.',
  },
  {
    title: 'Toradora!',
    ja: 'とらドラ！',
    kind: 'tv',
    year: 2008,
    airedFrom: '2008-10-02',
    score: 8.07,
    favorites: 450,
    views: 4500,
    genres: ['romance', 'comedy'],
  },
  {
    title: 'Kaguya-sama wa Kokurasetai',
    en: 'Kaguya-sama: Love Is War',
    ja: 'かぐや様は告らせたい',
    kind: 'tv',
    year: 2019,
    airedFrom: '2019-01-12',
    score: 8.4,
    favorites: 480,
    views: 4400,
    genres: ['romance', 'comedy'],
  },
  {
    title: 'One Punch Man',
    ja: 'ワンパンマン',
    kind: 'tv',
    year: 2015,
    airedFrom: '2015-10-05',
    score: 8.5,
    favorites: 660,
    views: 7100,
    genres: ['action', 'comedy'],
  },
  {
    title: 'Hellsing Ultimate',
    ja: 'ヘルシング',
    kind: 'ova',
    year: 2006,
    airedFrom: '2006-02-10',
    score: 8.36,
    favorites: 150,
    views: 1800,
    genres: ['action', 'fantasy'],
  },
  {
    title: 'Devilman: Crybaby',
    ja: 'DEVILMAN crybaby',
    kind: 'ona',
    year: 2018,
    airedFrom: '2018-01-05',
    score: 7.75,
    favorites: 150,
    views: 1700,
    genres: ['action', 'drama'],
  },
  {
    title: 'Chainsaw Man',
    ja: 'チェンソーマン',
    kind: 'tv',
    year: 2022,
    airedFrom: '2022-10-12',
    score: 8.5,
    favorites: 650,
    views: 6500,
    genres: ['action'],
  },
  {
    // No score and no year yet: last in those sorts.
    title: 'Chainsaw Man Movie: Reze-hen',
    en: 'Chainsaw Man – The Movie: Reze Arc',
    kind: 'movie',
    year: null,
    score: null,
    favorites: 40,
    views: 300,
    genres: ['action'],
  },
  {
    title: 'Mobile Suit Gundam',
    ja: '機動戦士ガンダム',
    kind: 'tv',
    year: 1979,
    airedFrom: '1979-04-07',
    score: 7.9,
    favorites: 100,
    views: 1200,
    genres: ['sci-fi'],
  },
]

const GENRES = ['action', 'drama', 'fantasy', 'romance', 'comedy', 'sci-fi']

type Doc = {
  id: number
  slug: string | null
  title: string
  titleEnglish: string | null
  titleJapanese: string | null
  titleRussian: string | null
  year: number | null
  kind: string | null
  status: string | null
  score: number | null
  poster: { url: string | null; thumbnail: string | null; card: string | null; hero: string | null } | null
}
type Page = { docs: Doc[]; page: number; limit: number; hasNextPage: boolean }
type Published = Seed & { id: number }

let ctx: PayloadInt
let pool: Pool
const published: Published[] = []
const idOf = (title: string): number => {
  const found = published.find((anime) => anime.title === title)
  if (!found) throw new Error(`no seed titled ${title}`)
  return found.id
}
let posterId: number
const drafts: Record<'neverPublished' | 'draftChange' | 'unpublished', number> = { neverPublished: 0, draftChange: 0, unpublished: 0 }

const richText = (text: string) => ({
  root: {
    type: 'root',
    direction: 'ltr' as const,
    format: '' as const,
    indent: 0,
    version: 1,
    children: [
      {
        type: 'paragraph',
        direction: 'ltr' as const,
        format: '' as const,
        indent: 0,
        version: 1,
        textFormat: 0,
        children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
      },
    ],
  },
})

const search = async (query: Record<string, string | number>, token?: string): Promise<{ status: number; body: Page }> => {
  const params = new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)]))
  const response = await ctx.rest.get(`/anime/search?${params}`, { token })
  return { status: response.status, body: (await response.json()) as Page }
}

/** The docs of a search that must succeed. */
const docsOf = async (query: Record<string, string | number>, token?: string): Promise<Doc[]> => {
  const { status, body } = await search(query, token)
  expect(status, JSON.stringify(body)).toBe(200)
  return body.docs
}

const titlesOf = async (query: Record<string, string | number>): Promise<string[]> => (await docsOf(query)).map((doc) => doc.title)

const graphql = async (query: string, token?: string) => {
  const response = await ctx.rest.graphql(query, { token })
  return (await response.json()) as { data?: { searchAnime?: Page }; errors?: { message: string; extensions?: { statusCode?: number } }[] }
}

beforeAll(async () => {
  ctx = await initPayloadInt('anime-search')
  pool = (ctx.payload.db as unknown as { pool: Pool }).pool
  const genreIds = new Map<string, number>()
  for (const slug of GENRES) {
    const genre = await ctx.payload.create({
      collection: 'genres',
      data: { name: slug === 'sci-fi' ? 'Sci-Fi' : slug[0]!.toUpperCase() + slug.slice(1) },
    })
    expect(genre.slug).toBe(slug)
    genreIds.set(slug, genre.id)
  }
  const image = await gradientImage(600, 900, 'png')
  const poster = await ctx.payload.create({
    collection: 'media',
    data: { alt: 'Attack on Titan poster' },
    file: { data: image, mimetype: 'image/png', name: 'aot-poster.png', size: image.length },
  })
  posterId = poster.id

  for (const seed of SEEDS) {
    const anime = await ctx.payload.create({
      collection: 'anime',
      data: {
        title: seed.title,
        titleEnglish: seed.en,
        titleJapanese: seed.ja,
        titleRussian: seed.ru,
        altTitles: seed.alt?.map((title) => ({ title })),
        kind: seed.kind,
        year: seed.year,
        airedFrom: seed.airedFrom,
        score: seed.score,
        genres: seed.genres.map((slug) => genreIds.get(slug)!),
        synopsis: seed.synopsis ? richText(seed.synopsis) : undefined,
        poster: seed.title === 'Shingeki no Kyojin' ? posterId : undefined,
        _status: 'published',
      },
    })
    published.push({ ...seed, id: anime.id })
  }
  // The counters are the server's to keep (no API writes them); set them as if people had been busy.
  for (const anime of published) {
    await pool.query('UPDATE anime SET favorites_count = $2, view_count = $3 WHERE id = $1', [anime.id, anime.favorites, anime.views])
  }

  // Never published: only a draft exists.
  drafts.neverPublished = (
    await ctx.payload.create({
      collection: 'anime',
      data: { title: 'Zankyou no Terror', titleEnglish: 'Terror in Resonance', kind: 'tv', year: 2014 },
      draft: true,
    })
  ).id
  // Published, then a draft change that is not published: the search knows only the published title.
  const vinland = await ctx.payload.create({
    collection: 'anime',
    data: { title: 'Vinland Saga', kind: 'tv', year: 2019, score: 8.7, _status: 'published' },
  })
  drafts.draftChange = vinland.id
  await ctx.payload.update({
    collection: 'anime',
    id: vinland.id,
    data: { title: 'Vinland Saga Hidden Revision', synopsis: richText('An unannounced secret epilogue.') },
    draft: true,
  })
  // Published, then unpublished.
  const erased = await ctx.payload.create({
    collection: 'anime',
    data: { title: 'Boku dake ga Inai Machi', titleEnglish: 'Erased', kind: 'tv', year: 2016, _status: 'published' },
  })
  await ctx.payload.update({ collection: 'anime', id: erased.id, data: { _status: 'draft' } })
  drafts.unpublished = erased.id
  published.push({ title: 'Vinland Saga', kind: 'tv', year: 2019, score: 8.7, favorites: 0, views: 0, genres: [], id: vinland.id })
})

afterAll(async () => {
  try {
    // Deleting the media document deletes its files from media/.
    if (posterId) await ctx?.payload.delete({ collection: 'media', id: posterId })
  } finally {
    await ctx?.cleanup()
  }
})

describe('routes', () => {
  it('serves /api/anime/search and /api/anime/suggest ahead of Payload’s /:id, which still works', async () => {
    const { status, body } = await search({})
    expect(status).toBe(200)
    expect(body).toMatchObject({ page: 1, limit: 20, hasNextPage: true })
    expect(body.docs).toHaveLength(20)
    expect((await ctx.rest.get('/anime/suggest?q=kimetsu')).status).toBe(200)
    const byId = await ctx.rest.get(`/anime/${idOf('Mushishi')}?depth=0`)
    expect(byId.status).toBe(200)
    expect(((await byId.json()) as { title: string }).title).toBe('Mushishi')
  })
})

describe('matching', () => {
  it.each([
    ['shingeki no kyojn', 'Shingeki no Kyojin'],
    ['singeki no kyojin', 'Shingeki no Kyojin'],
    ['atack on titan', 'Shingeki no Kyojin'],
    ['attack on titn', 'Shingeki no Kyojin'],
    ['kimetsu no yaiba', 'Kimetsu no Yaiba'],
    ['kimetsu no yaeba', 'Kimetsu no Yaiba'],
    ['kimetsu no yiaba', 'Kimetsu no Yaiba'],
    ['kimetsuu no yaiba', 'Kimetsu no Yaiba'],
    ['demon slyer', 'Kimetsu no Yaiba'],
    ['fullmetal alchemist brotherhod', 'Fullmetal Alchemist: Brotherhood'],
    ['cowboy bebob', 'Cowboy Bebop'],
  ])('finds the title first despite typos: %s', async (q, title) => {
    expect((await titlesOf({ q }))[0]).toBe(title)
  })

  it('finds titles from a partial word, with every title that has it', async () => {
    const titles = await titlesOf({ q: 'kyoj' })
    expect(titles.slice(0, 3).sort()).toEqual(['Shingeki no Kyojin', 'Shingeki no Kyojin Season 2', 'Shingeki no Kyojin: The Final Season'])
    expect((await titlesOf({ q: 'frier' }))[0]).toBe('Sousou no Frieren')
  })

  it('finds titles whatever the word order', async () => {
    expect((await titlesOf({ q: 'titan attack' }))[0]).toBe('Shingeki no Kyojin')
    expect((await titlesOf({ q: 'kyojin shingeki' }))[0]).toBe('Shingeki no Kyojin')
    expect((await titlesOf({ q: 'slayer demon' }))[0]).toBe('Kimetsu no Yaiba')
  })

  it('matches English, Japanese, Russian and alternative titles, and ranks the exact title first', async () => {
    expect((await titlesOf({ q: 'Attack on Titan' }))[0]).toBe('Shingeki no Kyojin')
    expect((await titlesOf({ q: 'Spirited Away' }))[0]).toBe('Sen to Chihiro no Kamikakushi')
    expect((await titlesOf({ q: '進撃の巨人' }))[0]).toBe('Shingeki no Kyojin')
    expect((await titlesOf({ q: '千と千尋の神隠し' }))[0]).toBe('Sen to Chihiro no Kamikakushi')
    expect((await titlesOf({ q: 'унесённые призраками' }))[0]).toBe('Sen to Chihiro no Kamikakushi')
    expect((await titlesOf({ q: 'Hagane no Renkinjutsushi' }))[0]).toBe('Fullmetal Alchemist: Brotherhood')
    expect((await titlesOf({ q: 'aot' }))[0]).toBe('Shingeki no Kyojin')
    expect((await titlesOf({ q: '  CHAINSAW   man ' })).slice(0, 2)).toEqual(['Chainsaw Man', 'Chainsaw Man Movie: Reze-hen'])
  })

  it('finds a word of the synopsis, ranked below every title match', async () => {
    expect(await titlesOf({ q: 'bathhouse' })).toEqual(['Sen to Chihiro no Kamikakushi'])
    const titles = await titlesOf({ q: 'titan' })
    expect(titles.slice(0, 3).sort()).toEqual(['Shingeki no Kyojin', 'Shingeki no Kyojin Season 2', 'Shingeki no Kyojin: The Final Season'])
    expect(titles[3]).toBe('Shin Seiki Evangelion')
  })

  it('returns the listed fields, with the poster’s size URLs (or null)', async () => {
    const [aot] = await docsOf({ q: 'shingeki no kyojin', limit: 1 })
    const media = (await (await ctx.rest.get(`/media/${posterId}`)).json()) as {
      url: string
      sizes: Record<'thumbnail' | 'card' | 'hero', { url: string | null }>
    }
    expect(aot).toEqual({
      id: idOf('Shingeki no Kyojin'),
      slug: 'shingeki-no-kyojin',
      title: 'Shingeki no Kyojin',
      titleEnglish: 'Attack on Titan',
      titleJapanese: '進撃の巨人',
      titleRussian: 'Атака титанов',
      year: 2013,
      kind: 'tv',
      status: null,
      score: 8.54,
      poster: { url: media.url, thumbnail: media.sizes.thumbnail.url, card: media.sizes.card.url, hero: media.sizes.hero.url },
    })
    expect(aot?.poster?.thumbnail).toMatch(/^http.*\/api\/media\/file\/aot-poster.*\.png$/)
    const [mushishi] = await docsOf({ q: 'mushishi' })
    expect(mushishi?.poster).toBeNull()
  })

  it('finds nothing for a query that matches nothing, and ignores punctuation-only queries', async () => {
    expect(await docsOf({ q: 'qwxzvbnm' })).toEqual([])
    expect(await docsOf({ q: '!!! ??' })).toEqual([])
    expect(await docsOf({ q: 'null\u0000byte' })).toEqual([])
    expect(await docsOf({ q: 'x'.repeat(1000) })).toEqual([])
  })
})

describe('filters, sorts and pages', () => {
  const bySort = {
    score: (a: Published, b: Published) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || a.id - b.id,
    popularity: (a: Published, b: Published) => b.favorites - a.favorites || b.views - a.views || a.id - b.id,
    newest: (a: Published, b: Published) =>
      (b.year ?? -Infinity) - (a.year ?? -Infinity) ||
      Date.parse(b.airedFrom ?? '1900-01-01') - Date.parse(a.airedFrom ?? '1900-01-01') ||
      b.id - a.id,
  }
  const expected = (filter: (anime: Published) => boolean, sort: keyof typeof bySort) =>
    published
      .filter(filter)
      .sort(bySort[sort])
      .map((anime) => anime.title)

  it.each(['score', 'popularity', 'newest'] as const)('browses the whole catalog by %s, nulls last', async (sort) => {
    expect(await titlesOf({ sort, limit: 50 })).toEqual(expected(() => true, sort))
  })

  it('browses by score without a query, relevance or not', async () => {
    const byScore = expected(() => true, 'score').slice(0, 20)
    expect(await titlesOf({})).toEqual(byScore)
    expect(await titlesOf({ sort: 'relevance' })).toEqual(byScore)
  })

  it('combines genre, kind and year filters', async () => {
    expect(await titlesOf({ genre: 'fantasy', kind: 'movie', limit: 50 })).toEqual(
      expected((anime) => anime.genres.includes('fantasy') && anime.kind === 'movie', 'score'),
    )
    expect(await titlesOf({ genre: 'drama', kind: 'movie', year: 2016 })).toEqual(['Koe no Katachi', 'Kimi no Na wa.'])
    expect(await titlesOf({ genre: 'action', year: 2020, sort: 'popularity' })).toEqual([
      'Jujutsu Kaisen',
      'Shingeki no Kyojin: The Final Season',
      'Kimetsu no Yaiba Movie: Mugen Ressha-hen',
    ])
    expect(await titlesOf({ kind: 'ova' })).toEqual(['Hellsing Ultimate'])
    expect(await titlesOf({ genre: 'no-such-genre' })).toEqual([])
  })

  it('combines a query with filters and sorts', async () => {
    expect(await titlesOf({ q: 'kimetsu', kind: 'movie' })).toEqual(['Kimetsu no Yaiba Movie: Mugen Ressha-hen'])
    expect(await titlesOf({ q: 'shingeki', sort: 'newest' })).toEqual([
      'Shingeki no Kyojin: The Final Season',
      'Shingeki no Kyojin Season 2',
      'Shingeki no Kyojin',
    ])
    expect(await titlesOf({ q: 'shingeki', sort: 'score' })).toEqual([
      'Shingeki no Kyojin: The Final Season',
      'Shingeki no Kyojin',
      'Shingeki no Kyojin Season 2',
    ])
    expect(await titlesOf({ q: 'cowboy bebop', sort: 'popularity', genre: 'sci-fi' })).toEqual([
      'Cowboy Bebop',
      'Cowboy Bebop: Tengoku no Tobira',
    ])
    // A typo still finds titles under another sort: similar titles stand in when no title has the words.
    expect(await titlesOf({ q: 'kimetsu no yaeba', sort: 'score' })).toEqual([
      'Kimetsu no Yaiba',
      'Kimetsu no Yaiba Movie: Mugen Ressha-hen',
    ])
  })

  it('pages through the results without gaps or repeats', async () => {
    for (const query of [{ sort: 'popularity' }, { q: 'no' }, { genre: 'action', sort: 'newest' }] as Record<string, string>[]) {
      const all = await titlesOf({ ...query, limit: 50 })
      const paged: string[] = []
      for (let page = 1; ; page++) {
        const { status, body } = await search({ ...query, limit: 4, page })
        expect(status).toBe(200)
        expect(body).toMatchObject({ page, limit: 4 })
        paged.push(...body.docs.map((doc) => doc.title))
        expect(body.hasNextPage).toBe(paged.length < all.length)
        if (!body.hasNextPage) break
      }
      expect(paged).toEqual(all)
    }
    const beyond = await search({ limit: 10, page: 100 })
    expect(beyond.body).toEqual({ docs: [], page: 100, limit: 10, hasNextPage: false })
  })

  it('caps limit at 50 and defaults it to 20', async () => {
    const capped = await search({ limit: 500 })
    expect(capped.status).toBe(200)
    expect(capped.body.limit).toBe(50)
    expect(capped.body.docs).toHaveLength(published.length)
    expect((await search({})).body.limit).toBe(20)
  })
})

describe('parameters', () => {
  it.each([
    ['kind', { kind: 'bogus' }],
    ['status', { status: 'paused' }],
    ['year', { year: 'abc' }],
    ['year', { year: '1850' }],
    ['sort', { sort: 'weird' }],
    ['page', { page: '0' }],
    ['page', { page: '1.5' }],
    ['limit', { limit: '-1' }],
    ['limit', { limit: '0' }],
    ['genre', { genre: 'Not a slug!' }],
  ])('refuses a bad %s with a 400 naming it (%o)', async (name, query) => {
    const { status, body } = await search(query)
    expect(status).toBe(400)
    const error = (body as unknown as { errors: { message: string; data?: { errors?: { path: string; message: string }[] } }[] }).errors[0]
    expect(error?.message).toContain(name)
    expect(error?.data?.errors?.[0]?.path).toBe(name)
  })

  it('refuses a parameter given twice', async () => {
    const response = await ctx.rest.get('/anime/search?kind=tv&kind=movie')
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('kind')
  })
})

describe('drafts', () => {
  it('never shows a never-published draft, an unpublished change or an unpublished anime, not even to staff', async () => {
    await ctx.payload.create({ collection: 'users', data: { email: 'admin@example.com', password: 'admin-password-1' } })
    const adminToken = await ctx.rest.login('admin@example.com', 'admin-password-1')
    const hidden = Object.values(drafts).filter((id) => id !== drafts.draftChange)
    for (const token of [undefined, adminToken]) {
      for (const q of [
        'zankyou no terror',
        'terror in resonance',
        'hidden revision',
        'secret epilogue',
        'erased',
        'boku dake ga inai machi',
      ]) {
        const docs = await docsOf({ q }, token)
        expect(
          docs.map((doc) => doc.id),
          q,
        ).not.toContain(drafts.neverPublished)
        expect(
          docs.map((doc) => doc.id),
          q,
        ).not.toContain(drafts.unpublished)
        expect(docs.map((doc) => doc.title).join(), q).not.toContain('Hidden Revision')
      }
      const browsed = (await docsOf({ limit: 50, sort: 'newest' }, token)).map((doc) => doc.id)
      for (const id of hidden) expect(browsed).not.toContain(id)
      // The published version of the anime with a pending draft is what the search shows.
      const [vinland] = await docsOf({ q: 'vinland saga' }, token)
      expect(vinland).toMatchObject({ id: drafts.draftChange, title: 'Vinland Saga' })
    }
    // The drafts exist: the admin API shows them to staff.
    const draft = await ctx.rest.get(`/anime/${drafts.neverPublished}?draft=true`, { token: adminToken })
    expect(draft.status).toBe(200)
  })
})

describe('suggest', () => {
  it('returns at most 10 {id, slug, title}, title matches first', async () => {
    const response = await ctx.rest.get('/anime/suggest?q=shin')
    expect(response.status).toBe(200)
    const { docs } = (await response.json()) as { docs: { id: number; slug: string; title: string }[] }
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.length).toBeLessThanOrEqual(10)
    for (const doc of docs) expect(Object.keys(doc).sort()).toEqual(['id', 'slug', 'title'])
    expect(docs.slice(0, 3).map((doc) => doc.title)).toContain('Shingeki no Kyojin')
    expect(docs.map((doc) => doc.title)).toContain('Shin Seiki Evangelion')
  })

  it('completes the last word, tolerates typos, and stays within its limit', async () => {
    const suggest = async (query: string) =>
      ((await (await ctx.rest.get(`/anime/suggest?${query}`)).json()) as { docs: { id: number; slug: string; title: string }[] }).docs
    expect((await suggest('q=kimetsu%20no%20ya'))[0]).toEqual({
      id: idOf('Kimetsu no Yaiba'),
      slug: 'kimetsu-no-yaiba',
      title: 'Kimetsu no Yaiba',
    })
    expect((await suggest('q=spirted%20away'))[0]?.title).toBe('Sen to Chihiro no Kamikakushi')
    expect((await suggest('q=no')).length).toBe(10)
    expect((await suggest('q=no&limit=3')).length).toBe(3)
    expect((await suggest('q=no&limit=50')).length).toBe(10)
    expect(await suggest('q=')).toEqual([])
    expect(await suggest('q=zankyou')).toEqual([])
    expect((await ctx.rest.get('/anime/suggest?q=a&limit=0')).status).toBe(400)
  })
})

describe('GraphQL', () => {
  const fields =
    'docs { id slug title titleEnglish titleJapanese titleRussian year kind status score poster { url thumbnail card hero } } page limit hasNextPage'

  it('searchAnime returns what the REST search returns for the same query', async () => {
    const cases: [string, Record<string, string | number>][] = [
      ['q: "atack on titan"', { q: 'atack on titan' }],
      ['q: "kyoj", limit: 2, page: 2', { q: 'kyoj', limit: 2, page: 2 }],
      ['genre: "fantasy", kind: movie, sort: newest', { genre: 'fantasy', kind: 'movie', sort: 'newest' }],
      ['q: "titan", year: 1995', { q: 'titan', year: 1995 }],
      ['sort: popularity, limit: 500', { sort: 'popularity', limit: 500 }],
    ]
    for (const [args, query] of cases) {
      const result = await graphql(`{ searchAnime(${args}) { ${fields} } }`)
      expect(result.errors, args).toBeUndefined()
      const rest = await search(query)
      expect(result.data?.searchAnime, args).toEqual(rest.body)
      expect(rest.body.docs.length, args).toBeGreaterThan(0)
    }
  })

  it('refuses bad arguments naming them', async () => {
    const badPage = await graphql(`
      {
        searchAnime(page: 0) {
          page
        }
      }
    `)
    expect(badPage.errors?.[0]?.message).toContain('page')
    expect(badPage.errors?.[0]?.extensions?.statusCode).toBe(400)
    const badKind = await graphql(`
      {
        searchAnime(kind: bogus) {
          page
        }
      }
    `)
    expect(badKind.errors?.[0]?.message).toMatch(/bogus/)
  })
})

describe('status filter', () => {
  it('filters by airing status, combined with genre, kind and year', async () => {
    await ctx.payload.update({ collection: 'anime', id: idOf('Sousou no Frieren'), data: { status: 'airing' } })
    await ctx.payload.update({ collection: 'anime', id: idOf('Kusuriya no Hitorigoto'), data: { status: 'airing' } })
    await ctx.payload.update({ collection: 'anime', id: idOf('Chainsaw Man Movie: Reze-hen'), data: { status: 'upcoming' } })
    await ctx.payload.update({ collection: 'anime', id: idOf('Jujutsu Kaisen'), data: { status: 'finished' } })
    expect(await titlesOf({ status: 'airing' })).toEqual(['Sousou no Frieren', 'Kusuriya no Hitorigoto'])
    expect(await titlesOf({ status: 'airing', genre: 'fantasy', kind: 'tv', year: 2023 })).toEqual(['Sousou no Frieren'])
    expect(await titlesOf({ status: 'upcoming', q: 'chainsaw' })).toEqual(['Chainsaw Man Movie: Reze-hen'])
    expect(await titlesOf({ status: 'finished', genre: 'action', year: 2020 })).toEqual(['Jujutsu Kaisen'])
    const [frieren] = await docsOf({ q: 'frieren' })
    expect(frieren?.status).toBe('airing')
  })
})

describe('query plans', () => {
  /** The plan the search runs (generic, prepared, with its settings), with what was executed. */
  const plan = async (query: Record<string, string>): Promise<string> => {
    const { text, values } = searchSql(parseSearchParams(query))
    const client = await pool.connect()
    try {
      await client.query(SEARCH_SETTINGS)
      await client.query(`PREPARE plan_probe AS ${text}`)
      const literals = values.map((value) => client.escapeLiteral(String(value)))
      const { rows } = await client.query(`EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) EXECUTE plan_probe(${literals.join(', ')})`)
      await client.query('ROLLBACK')
      await client.query('DEALLOCATE plan_probe')
      return rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n')
    } finally {
      client.release()
    }
  }

  it('answers from the GIN indexes, never scanning the anime table, on a few thousand rows', async () => {
    await pool.query(`
      INSERT INTO anime (title, slug, kind, year, score, search_titles, search_synopsis, _status)
      SELECT initcap(t), 'bulk-' || i, 'tv', 1980 + i % 45, (i % 900) / 100.0, t, 'a story number ' || i,
        CASE WHEN i % 10 = 0 THEN 'draft' ELSE 'published' END::enum_anime_status
      FROM generate_series(1, 5000) i,
        LATERAL (SELECT (ARRAY['sora','umi','hoshi','kaze','yume','tsuki','hana','yoru'])[1 + i % 8] || ' no '
          || substr(md5(i::text), 1, 6) || ' ' || (ARRAY['monogatari','densetsu','senki','gakuen'])[1 + i % 4] AS t) words`)
    await pool.query('VACUUM ANALYZE anime')
    const seqScan = /Seq Scan on anime\b(?!_)/

    const words = await plan({ q: 'kimetsu no yaiba' })
    expect(words).toMatch(/Bitmap Index Scan on anime_search_vector_idx/)
    expect(words).not.toMatch(seqScan)

    const typo = await plan({ q: 'kimetsu no yaeba' })
    expect(typo).toMatch(/Bitmap Index Scan on anime_search_titles_trgm_idx/)
    expect(typo).not.toMatch(seqScan)

    const synopsis = await plan({ q: 'bathhouse' })
    expect(synopsis).toMatch(/anime_search_vector_idx/)
    expect(synopsis).not.toMatch(seqScan)

    // A word in thousands of titles walks the popularity index instead of ranking every match.
    const generic = await plan({ q: 'monogatari' })
    expect(generic).toMatch(/Index Scan Backward using anime_favorites_count_idx/)
    expect(generic).not.toMatch(seqScan)

    const browse = await plan({ sort: 'score' })
    expect(browse).toMatch(/Index Scan Backward using anime_score_idx/)
    expect(browse).not.toMatch(seqScan)
    expect(await plan({ sort: 'newest', genre: 'action', kind: 'tv' })).not.toMatch(seqScan)
    expect(await plan({ q: 'sora', sort: 'popularity', year: '2001' })).not.toMatch(seqScan)

    // And the results are still right with the extra rows around.
    expect((await titlesOf({ q: 'kimetsu no yaeba' }))[0]).toBe('Kimetsu no Yaiba')
    expect((await docsOf({ q: 'monogatari', limit: 50 })).length).toBe(50)
  })
})

describe('in-process index', () => {
  it('answers every relevance search and suggestion as the SQL does, on the catalog and the rows above', async () => {
    const index = new AnimeSearchIndex(pool, ctx.database.url, { info: () => {}, warn: () => {} })
    await index.start()
    try {
      const deadline = Date.now() + 20_000
      while (!index.ready && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
      expect(index.ready).toBe(true)
      const source = payloadSearchSource(ctx.payload)
      const queries = [
        ...published.flatMap((anime) => [anime.title, anime.en, anime.ja, anime.ru, anime.title.slice(0, 5)]),
        ...['shingeki no kyojn', 'kimetsu no yaeba', 'trera e', 'spirted away', 'atack on titan', 'titan attack', 'bathhouse'],
        ...[
          'walls giants',
          'monogatari',
          'sora no',
          'sora no densetsu',
          'story number 12',
          'hoshi',
          'zankyou',
          'vinland hidden',
          'x',
          '!!!',
        ],
      ].filter((q): q is string => typeof q === 'string' && q !== '')
      let fromIndex = 0
      let suggestedFromIndex = 0
      for (const q of queries) {
        for (const extra of [{}, { kind: 'tv' }, { year: '2013', limit: '3' }, { page: '2', limit: '2' }, { status: 'finished' }]) {
          const params = parseSearchParams({ q, ...extra })
          const rows = await index.search(params)
          if (rows === null) continue
          fromIndex++
          expect(await searchPageFromRows(source, params, rows), JSON.stringify({ q, ...extra })).toEqual(
            await searchAnime(ctx.payload, params),
          )
        }
        const suggestParams = parseSuggestParams({ q })
        if (suggestParams.q !== null) {
          const docs = index.suggest({ ...suggestParams, q: suggestParams.q })
          if (docs === null) continue
          suggestedFromIndex++
          expect(docs, q).toEqual(await suggestAnime(ctx.payload, suggestParams))
        }
      }
      // Left to the SQL (null): a synopsis word in thousands of rows ("story"), and words matching
      // no title whose trigrams over 1,000 of the bulk rows share ("sora no densetsu").
      expect(fromIndex).toBeGreaterThan(queries.length * 4)
      expect(suggestedFromIndex).toBeGreaterThan(queries.length - 5)
    } finally {
      await index.stop()
    }
  })
})
