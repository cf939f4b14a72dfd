import { describe, expect, it } from 'vitest'

import { recordsFromCsv, recordsFromJson } from '@/domains/anime/import/records'
import { plainTextToLexical } from '@/platform/seed'
import { canonicalField, validateRow } from '@/domains/anime/import/validateRow'

const reasonsOf = (raw: Parameters<typeof validateRow>[0]) => {
  const result = validateRow(raw)
  return result.ok ? [] : result.reasons
}

describe('validateRow', () => {
  it('accepts a full row and normalises it', () => {
    const result = validateRow({
      title: '  Hoshi no Umi ',
      titleEnglish: 'Sea of Stars',
      altTitles: 'HnU | Umi;hnu',
      kind: 'TV',
      status: 'finished',
      ageRating: 'pg13',
      season: 'Spring',
      episodes: '12',
      episodeMinutes: '23.5',
      year: '2019',
      airedFrom: '2019-04-01',
      airedTo: '2019-06-24T12:00:00Z',
      score: '8.25',
      genres: 'Drama|Sci-Fi; drama',
      studios: ['Studio A', ' Studio  B '],
      mal: '123',
      anilist: 456,
      kitsu: '',
    })
    expect(result).toEqual({
      ok: true,
      value: {
        title: 'Hoshi no Umi',
        titleEnglish: 'Sea of Stars',
        titleJapanese: undefined,
        titleRussian: undefined,
        altTitles: ['HnU', 'Umi'],
        slug: 'hoshi-no-umi',
        synopsis: undefined,
        kind: 'tv',
        status: 'finished',
        ageRating: 'pg13',
        season: 'spring',
        episodes: 12,
        episodeMinutes: 23.5,
        year: 2019,
        airedFrom: '2019-04-01T00:00:00.000Z',
        airedTo: '2019-06-24T12:00:00.000Z',
        score: 8.25,
        genres: ['Drama', 'Sci-Fi'],
        studios: ['Studio A', 'Studio B'],
        externalIds: { mal: 123, anilist: 456 },
      },
    })
  })

  it('requires a title', () => {
    expect(reasonsOf({ title: '   ', kind: 'tv' })).toEqual(['title is required'])
    expect(reasonsOf({})).toEqual(['title is required'])
    expect(reasonsOf({ title: 42 })).toEqual(['title must be text'])
  })

  it('gives every reason of a row at once', () => {
    expect(reasonsOf({ title: 'Bogus', kind: 'bogus', status: 'done', year: 'abc', score: '11' })).toEqual([
      'kind must be one of tv, movie, ova, ona, special, music (got "bogus")',
      'status must be one of upcoming, airing, finished (got "done")',
      'year must be an integer from 1900 to 2100 (got "abc")',
      'score must be a number from 0 to 10 (got "11")',
    ])
  })

  it('checks number ranges and integers', () => {
    expect(reasonsOf({ title: 'A', year: '1899' })).toEqual(['year must be an integer from 1900 to 2100 (got "1899")'])
    expect(reasonsOf({ title: 'A', year: '2001.5' })).toEqual(['year must be an integer from 1900 to 2100 (got "2001.5")'])
    expect(reasonsOf({ title: 'A', year: 2100, score: 0, episodes: 0 })).toEqual([])
    expect(reasonsOf({ title: 'A', score: '-0.1' })).toEqual(['score must be a number from 0 to 10 (got "-0.1")'])
    expect(reasonsOf({ title: 'A', score: '8,5' })).toEqual(['score must be a number from 0 to 10 (got "8,5")'])
    expect(reasonsOf({ title: 'A', episodes: '-1' })).toEqual(['episodes must be an integer from 0 to 100000 (got "-1")'])
    expect(reasonsOf({ title: 'A', episodes: '12.5' })).toEqual(['episodes must be an integer from 0 to 100000 (got "12.5")'])
  })

  it('requires external ids to be positive integers', () => {
    expect(reasonsOf({ title: 'A', mal: '0', anilist: 'x12', kitsu: 3.5 })).toEqual([
      'mal must be a positive integer (got "0")',
      'anilist must be a positive integer (got "x12")',
      'kitsu must be a positive integer (got 3.5)',
    ])
  })

  it('accepts ISO dates only, and real calendar days', () => {
    expect(reasonsOf({ title: 'A', airedFrom: '01/04/2019' })).toEqual(['airedFrom must be an ISO date like 2024-04-01 (got "01/04/2019")'])
    expect(reasonsOf({ title: 'A', airedFrom: '2023-02-30' })).toEqual(['airedFrom must be an ISO date like 2024-04-01 (got "2023-02-30")'])
    expect(reasonsOf({ title: 'A', airedFrom: '2020-02-29', airedTo: '2020-03-01T10:00:00+09:00' })).toEqual([])
    expect(reasonsOf({ title: 'A', airedFrom: '2020-05-01', airedTo: '2020-04-01' })).toEqual(['airedTo is before airedFrom'])
  })

  it('needs a key to upsert by when the title gives no slug', () => {
    expect(reasonsOf({ title: '月の鍵屋' })).toEqual([
      'the title gives no slug (no Latin letters or digits): give a slug or an external id (mal, anilist, kitsu)',
    ])
    expect(validateRow({ title: '月の鍵屋', slug: 'Tsuki no Kagiya' })).toMatchObject({ ok: true, value: { slug: 'tsuki-no-kagiya' } })
    expect(validateRow({ title: '月の鍵屋', mal: '7' })).toMatchObject({ ok: true, value: { slug: '', externalIds: { mal: 7 } } })
  })

  it('refuses lists that are not text', () => {
    expect(reasonsOf({ title: 'A', genres: [1, 2] })).toEqual(['genres must contain text only (got 1)'])
    expect(reasonsOf({ title: 'A', studios: { name: 'x' } })).toEqual(['studios must be a list (an array, or text separated by | or ;)'])
  })

  it('maps column names to fields', () => {
    expect(canonicalField('Title English')).toBe('titleEnglish')
    expect(canonicalField('mal_id')).toBe('mal')
    expect(canonicalField('externalIds.kitsu')).toBe('kitsu')
    expect(canonicalField('type')).toBe('kind')
    expect(canonicalField('rating_count')).toBeUndefined()
  })
})

describe('reading records', () => {
  it('numbers CSV rows from 1, keeps the start line, flags rows with the wrong number of fields and lists unknown columns', () => {
    const input = recordsFromCsv('title,Year,extra\n"Two\nlines",2001,x\nShort\n')
    expect(input.ignored).toEqual(['extra'])
    expect(input.records).toEqual([
      { row: 1, line: 2, data: { title: 'Two\nlines', year: '2001' }, original: ['Two\nlines', '2001', 'x'] },
      { row: 2, line: 4, data: {}, original: ['Short'], error: 'has 1 field(s), the header has 3' },
    ])
  })

  it('refuses a CSV without a title column, or with two columns for one field', () => {
    expect(() => recordsFromCsv('name,year\nA,2001\n')).toThrow(/no "title" column/)
    expect(() => recordsFromCsv('title,mal,mal_id\nA,1,2\n')).toThrow(/"mal" and "mal_id" both mean "mal"/)
    expect(() => recordsFromCsv('')).toThrow(/empty/)
  })

  it('reads JSON arrays (or { anime: [...] }) with nested external ids', () => {
    const input = recordsFromJson(
      JSON.stringify({ anime: [{ title: 'A', externalIds: { mal: 5, imdb: 'x' }, altTitles: [{ title: 'Alt' }], popularity: 3 }, 'nope'] }),
    )
    expect(input.ignored).toEqual(['externalIds.imdb', 'popularity'])
    expect(input.records[0]).toMatchObject({ row: 1, data: { title: 'A', mal: 5, altTitles: ['Alt'] } })
    expect(input.records[1]).toMatchObject({ row: 2, error: 'is not an object (got "nope")' })
    expect(() => recordsFromJson('{"title": "A"}')).toThrow(/array of anime objects/)
    expect(() => recordsFromJson('[{')).toThrow(/not valid JSON/)
  })
})

describe('plainTextToLexical', () => {
  it('makes paragraphs of blank-line separated blocks and line breaks of single newlines', () => {
    const doc = plainTextToLexical('First line\r\nsecond line\n\n\nNext paragraph')
    const paragraphs = doc.root.children as { children: { type: string; text?: string }[] }[]
    expect(paragraphs).toHaveLength(2)
    expect(paragraphs[0].children.map((node) => node.type)).toEqual(['text', 'linebreak', 'text'])
    expect(paragraphs[0].children[2].text).toBe('second line')
    expect(paragraphs[1].children).toMatchObject([{ type: 'text', text: 'Next paragraph' }])
  })
})
