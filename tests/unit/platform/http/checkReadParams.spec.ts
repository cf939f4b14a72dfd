import { describe, expect, it } from 'vitest'

import { checkReadParams, type ReadOperation } from '@/platform/http/readParams'
import type { EntityShape, FieldShape } from '@/platform/http/readParams/collectionShape'

const leaf = (name: string, kind: 'text' | 'number' | 'serial' | 'date' | 'boolean', localized = false): FieldShape => ({
  name,
  kind,
  localized,
})

const animeFields: FieldShape[] = [
  leaf('id', 'serial'),
  leaf('title', 'text', true),
  leaf('episodeCount', 'number'),
  leaf('startDate', 'date'),
  { name: '_status', kind: 'text', localized: false, options: ['draft', 'published'] },
  { name: 'tags', kind: 'text', localized: false },
  { name: 'genres', kind: 'open', localized: false, valueKind: 'serial' },
  { name: 'meta', kind: 'open', localized: false },
  { name: 'body', kind: 'open', localized: true, storage: 'json' },
  { name: 'related', kind: 'open', localized: false, storage: 'polymorphic' },
  { name: 'titles', kind: 'nested', localized: false, fields: [leaf('id', 'text'), leaf('value', 'text')] },
]

const anime: EntityShape = {
  slug: 'anime',
  idType: 'number',
  versionIdType: 'number',
  versions: true,
  fields: animeFields,
  versionFields: [
    leaf('id', 'serial'),
    leaf('parent', 'serial'),
    { name: 'version', kind: 'nested', localized: false, fields: animeFields },
    leaf('latest', 'boolean'),
  ],
  locales: ['ru', 'en'],
}
const genres: EntityShape = { ...anime, slug: 'genres', versions: false, versionFields: [] }
const limits = { maxLimit: 100, maxDepth: 3 }

/** `shape: null`: the collections are not known yet. */
const check = (
  params: Record<string, unknown>,
  {
    operation = 'find',
    shape = anime,
    id,
    jsonStrings = true,
  }: { operation?: ReadOperation; shape?: EntityShape | null; id?: unknown; jsonStrings?: boolean } = {},
) => checkReadParams({ operation, shape: shape ?? undefined, params, id, limits, defaultDepth: 2, jsonStrings })

const refusedField = (verdict: ReturnType<typeof check>) =>
  verdict.ok ? undefined : { status: verdict.status, field: verdict.problems[0]?.field }

describe('checkReadParams: the ids', () => {
  it('answers 404 for an id a serial-id collection cannot have', () => {
    for (const id of ['abc', '-1', '0', '1.5', '1e3', '99999999999', '', ' 1', 'versions', undefined]) {
      expect(refusedField(check({}, { operation: 'findByID', id })), String(id)).toEqual({ status: 404, field: 'id' })
    }
    expect(check({}, { operation: 'findByID', id: '42' }).ok).toBe(true)
    expect(check({}, { operation: 'findByID', id: 42 }).ok).toBe(true)
  })

  it('answers 404 for the versions of a collection without versions', () => {
    expect(refusedField(check({}, { operation: 'findVersions', shape: genres }))).toEqual({ status: 404, field: 'versions' })
    expect(refusedField(check({}, { operation: 'findVersionByID', shape: genres, id: '1' }))).toEqual({ status: 404, field: 'versions' })
    expect(check({}, { operation: 'findVersions' }).ok).toBe(true)
  })

  it('checks only the structure while the collections are not known yet', () => {
    expect(check({ where: { nope: { equals: 1 } } }, { shape: null }).ok).toBe(true)
    expect(refusedField(check({ where: 'x' }, { shape: null }))).toEqual({ status: 400, field: 'where' })
  })
})

describe('checkReadParams: page, limit, depth', () => {
  it('wants page to be a whole number from 1', () => {
    for (const page of ['-1', '0', 'abc', '1.5', ['1', '2'], { a: 1 }]) {
      expect(refusedField(check({ page })), JSON.stringify(page)).toEqual({ status: 400, field: 'page' })
    }
    expect(check({ page: '3' })).toEqual({ ok: true, applied: { page: 3 } })
    expect(check({ page: '' })).toEqual({ ok: true, applied: {} })
  })

  it('clamps limit to 1..maxLimit and refuses what is not a whole number', () => {
    expect(check({ limit: '100000' })).toEqual({ ok: true, applied: { limit: 100 } })
    expect(check({ limit: '0' })).toEqual({ ok: true, applied: { limit: 1 } })
    expect(check({ limit: '-1' })).toEqual({ ok: true, applied: { limit: 1 } })
    expect(check({ limit: 25 }, { jsonStrings: false })).toEqual({ ok: true, applied: { limit: 25 } })
    for (const limit of ['abc', '1.5', '1e3', ['1', '2']])
      expect(refusedField(check({ limit })), String(limit)).toEqual({ status: 400, field: 'limit' })
  })

  it('does not let pagination=false lift the cap', () => {
    expect(check({ pagination: 'false' })).toEqual({ ok: true, applied: { limit: 100 } })
    expect(check({ pagination: false, limit: 1000 }, { jsonStrings: false })).toEqual({ ok: true, applied: { limit: 100 } })
    expect(check({ pagination: 'false', limit: '7' })).toEqual({ ok: true, applied: { limit: 7 } })
  })

  it('clamps depth to 0..maxDepth', () => {
    expect(check({ depth: '50' })).toEqual({ ok: true, applied: { depth: 3 } })
    expect(check({ depth: '-2' })).toEqual({ ok: true, applied: { depth: 0 } })
    expect(check({ depth: '1' }, { operation: 'findByID', id: '1' })).toEqual({ ok: true, applied: { depth: 1 } })
    expect(refusedField(check({ depth: 'deep' }))).toEqual({ status: 400, field: 'depth' })
    // A configured cap below Payload's default depth applies to requests that give none.
    expect(
      checkReadParams({ operation: 'find', shape: anime, params: {}, limits: { maxLimit: 100, maxDepth: 1 }, defaultDepth: 2 }),
    ).toEqual({ ok: true, applied: { depth: 1 } })
  })
})

describe('checkReadParams: sort and where', () => {
  it('sorts only on fields the collection has', () => {
    expect(check({ sort: '-title,episodeCount' }).ok).toBe(true)
    expect(check({ sort: ['title', '-id'] }, { jsonStrings: false }).ok).toBe(true)
    expect(check({ sort: 'genres.name' }).ok).toBe(true)
    expect(check({ sort: 'title.en' }).ok).toBe(true)
    expect(refusedField(check({ sort: 'nope' }))).toEqual({ status: 400, field: 'sort' })
    expect(refusedField(check({ sort: 'title,-nope' }))).toEqual({ status: 400, field: 'sort' })
    expect(refusedField(check({ sort: { a: 1 } }))).toEqual({ status: 400, field: 'sort' })
    // Versions sort on the version row's fields.
    expect(check({ sort: '-version.title' }, { operation: 'findVersions' }).ok).toBe(true)
    expect(refusedField(check({ sort: 'title' }, { operation: 'findVersions' }))).toEqual({ status: 400, field: 'sort' })
  })

  it('wants where to be an object of known fields and operators', () => {
    const refusedWhere = [
      'not-an-object',
      '[1]',
      ['a'],
      { title: 'x' },
      { title: {} },
      { title: { foo: '1' } },
      { nope: { equals: '1' } },
      { 'titles.nope': { equals: '1' } },
      { or: { title: { equals: 'x' } } },
      { and: ['x'] },
      { title: { like: '\u0000' } },
      { title: { equals: { nested: 'object' } } },
      { id: { equals: 'abc' } },
      { id: { in: '1,abc' } },
      { id: { equals: '99999999999' } },
      { episodeCount: { greater_than: 'many' } },
      { episodeCount: { equals: '-1.7976931348623123e+308' } },
      { episodeCount: { less_than: 1e300 } },
      { startDate: { less_than: '2020-13-45' } },
      // Text matching and geo operators do not apply to numbers, dates, ids and relationships.
      { episodeCount: { like: '1' } },
      { startDate: { contains: '2020' } },
      { id: { near: '1,2' } },
      { genres: { like: 'x' } },
      // A relationship compared with itself takes ids of the related collection.
      { genres: { not_in: ['%zz'] } },
      { genres: { equals: 'abc' } },
      // Geo operators apply to points only; `all` needs something to match.
      { meta: { intersects: '1' } },
      { title: { near: '1,2' } },
      { title: { all: [] } },
    ]
    for (const where of refusedWhere) expect(refusedField(check({ where })), JSON.stringify(where)).toEqual({ status: 400, field: 'where' })
  })

  it('accepts what Payload accepts: nested paths, locales, relationships, and/or, JSON strings', () => {
    const accepted = [
      { title: { like: 'fullmetal' } },
      { 'title.en': { equals: 'x' } },
      { 'titles.value': { contains: 'x' } },
      { 'genres.name': { equals: 'Action' } },
      { genres: { in: ['1', '2'] } },
      { genres: { exists: 'false' } },
      { 'genres.slug': { like: 'action' } },
      { 'meta.anything': { like: 'x' } },
      { meta: { equals: 'free text' } },
      { id: { in: '1,2,3' } },
      { id: { not_in: [4, 5] } },
      { episodeCount: { greater_than_equal: '12' } },
      { startDate: { less_than: '2020-01-01T00:00:00.000Z' } },
      { _status: { equals: 'published' } },
      { or: [{ title: { like: 'a' } }, { and: [{ episodeCount: { exists: 'true' } }] }] },
    ]
    for (const where of accepted) expect(check({ where }).ok, JSON.stringify(where)).toBe(true)
    expect(check({ where: JSON.stringify({ title: { equals: 'x' } }) }).ok).toBe(true)
    expect(check({ where: { 'version.title': { like: 'x' } } }, { operation: 'findVersions' }).ok).toBe(true)
    expect(check({ where: { parent: { equals: '3' } } }, { operation: 'countVersions' }).ok).toBe(true)
  })

  it('pages join fields within the cap', () => {
    for (const limit of ['-5', '0', '101', 'x'])
      expect(refusedField(check({ joins: { anime: { limit } } })), limit).toEqual({ status: 400, field: 'joins' })
    expect(refusedField(check({ joins: { anime: { page: '0' } } }))).toEqual({ status: 400, field: 'joins' })
    expect(check({ joins: { anime: { limit: '10', page: '2', sort: '-title' } } }).ok).toBe(true)
    expect(check({ joins: 'false' }).ok).toBe(true)
    expect(refusedField(check({ joins: '-381289675' }))).toEqual({ status: 400, field: 'joins' })
  })

  it('refuses NUL bytes in any parameter, naming it', () => {
    expect(refusedField(check({ sort: 'title\u0000' }))).toEqual({ status: 400, field: 'sort' })
    expect(refusedField(check({ locale: 'en\u0000' }))).toEqual({ status: 400, field: 'locale' })
    expect(refusedField(check({ locale: ['en', 'ru'] }))).toEqual({ status: 400, field: 'locale' })
    expect(refusedField(check({ where: { 'ti\u0000tle': { equals: 'x' } } }))).toEqual({ status: 400, field: 'where' })
  })

  it('refuses a data parameter that is not JSON (Payload parses it on every REST read)', () => {
    expect(refusedField(check({ data: 'xx' }, { operation: 'findByID', id: '1' }))).toEqual({ status: 400, field: 'data' })
    expect(refusedField(check({ data: '{' }))).toEqual({ status: 400, field: 'data' })
    expect(refusedField(check({ data: '8e-116' }, { operation: 'findGlobal' }))).toEqual({ status: 400, field: 'data' })
    expect(check({ data: '{"a":1}' }, { operation: 'findByID', id: '1' }).ok).toBe(true)
  })

  it('names the parameter in a message a person can act on', () => {
    const verdict = check({ where: { title: { foo: '1' } } })
    expect(verdict).toMatchObject({
      ok: false,
      status: 400,
      problems: [{ field: 'where', message: expect.stringMatching(/Unknown operator "foo" on "title"/) }],
    })
  })
})

describe('checkReadParams: where on choices, lists and empty groups (each a 500 in PostgreSQL or Payload)', () => {
  it('holds a select to its options, whatever the comparing operator', () => {
    expect(refusedField(check({ where: { _status: { greater_than_equal: 'zzz' } } }))).toEqual({ status: 400, field: 'where' })
    expect(refusedField(check({ where: { or: [{ _status: { in: ['draft', 'nope'] } }] } }))).toEqual({ status: 400, field: 'where' })
    expect(check({ where: { _status: { equals: 'published' } } }).ok).toBe(true)
    expect(check({ where: { _status: { in: 'draft,published' } } }).ok).toBe(true)
    expect(refusedField(check({ where: { _status: { like: 'dra' } } }))).toEqual({ status: 400, field: 'where' })
  })

  it('refuses "all" everywhere: Payload\'s PostgreSQL adapter has none (a TypeError, lists included)', () => {
    expect(refusedField(check({ where: { _status: { all: ['draft'] } } }))).toEqual({ status: 400, field: 'where' })
    expect(refusedField(check({ where: { title: { all: ['a'] } } }))).toEqual({ status: 400, field: 'where' })
    expect(refusedField(check({ where: { tags: { all: ['a', 'b'] } } }))).toEqual({ status: 400, field: 'where' })
    expect(refusedField(check({ where: { genres: { all: [1, 2] } } }))).toEqual({ status: 400, field: 'where' })
    expect(refusedField(check({ where: { meta: { all: ['x'] } } }))).toEqual({ status: 400, field: 'where' })
  })

  it('gives the comparing operators one value: equals with a list or a comma string is no id (a 500 in PostgreSQL)', () => {
    expect(refusedField(check({ where: { genres: { equals: '6,37' } } }))).toEqual({ status: 400, field: 'where' })
    expect(refusedField(check({ where: { id: { not_equals: '1,2' } } }))).toEqual({ status: 400, field: 'where' })
    expect(refusedField(check({ where: { genres: { equals: ['6', '37'] } } }))).toEqual({ status: 400, field: 'where' })
    expect(refusedField(check({ where: { title: { like: ['a', 'b'] } } }))).toEqual({ status: 400, field: 'where' })
    expect(check({ where: { genres: { in: '6,37' } } }).ok).toBe(true)
    expect(check({ where: { title: { equals: 'a,b' } } }).ok).toBe(true)
  })

  it('refuses "no value" inside a list of ids or numbers (NaN or an empty string in PostgreSQL)', () => {
    for (const value of [[''], '', 'null', [null], ['1', '']]) {
      expect(refusedField(check({ where: { genres: { in: value } } })), JSON.stringify(value)).toEqual({ status: 400, field: 'where' })
      expect(refusedField(check({ where: { id: { not_in: value } } })), JSON.stringify(value)).toEqual({ status: 400, field: 'where' })
    }
    expect(refusedField(check({ where: { episodeCount: { in: [''] } } }))).toEqual({ status: 400, field: 'where' })
    expect(check({ where: { genres: { equals: '' } } }).ok).toBe(true)
    expect(check({ where: { id: { equals: 'null' } } }).ok).toBe(true)
    expect(check({ where: { title: { in: [''] } } }).ok).toBe(true)
  })

  it('holds JSON columns and polymorphic relationships to what the PostgreSQL adapter can run (each other operator was a 500)', () => {
    const refused = [
      { body: { like: 'W&' } },
      { 'body.en': { contains: 'x' } },
      { 'body.root': { greater_than: '1' } },
      { 'body.root.children': { contains: 'x' } },
      { related: { in: '-2123346976' } },
      { related: { exists: 'true' } },
      { 'related.value': { exists: 'true' } },
      { 'related.relationTo': { like: 'air' } },
      { 'related.title': { like: 'x' } },
    ]
    for (const where of refused) expect(refusedField(check({ where })), JSON.stringify(where)).toEqual({ status: 400, field: 'where' })
    const accepted = [
      { body: { exists: 'true' } },
      { body: { equals: 'x' } },
      { 'body.root.type': { like: 'ro' } },
      { 'body.root.type': { in: ['root', 'x'] } },
      { 'related.value': { equals: '5' } },
      { 'related.value': { in: ['5', '6'] } },
      { 'related.relationTo': { equals: 'aircraft' } },
    ]
    for (const where of accepted) expect(check({ where }).ok, JSON.stringify(where)).toBe(true)
    expect(check({ where: { related: { in: '5' } } })).toMatchObject({
      problems: [{ message: expect.stringMatching(/related\.value .* related\.relationTo/) }],
    })
  })

  it('refuses an empty and/or list', () => {
    expect(refusedField(check({ where: { and: [] } }))).toEqual({ status: 400, field: 'where' })
    expect(refusedField(check({ where: { OR: [] } }))).toEqual({ status: 400, field: 'where' })
  })
})

describe('checkReadParams: where on a read by id', () => {
  it('refuses a where that is not JSON or not well-formed there too (Payload parses it and answered 500)', () => {
    expect(refusedField(check({ where: 'abc' }, { operation: 'findByID', id: '1' }))).toEqual({ status: 400, field: 'where' })
    expect(refusedField(check({ where: '\u{79D91}^' }, { operation: 'findByID', id: '1' }))).toEqual({ status: 400, field: 'where' })
    expect(check({ where: '{"title":{"equals":"x"}}' }, { operation: 'findByID', id: '1' }).ok).toBe(true)
    expect(check({}, { operation: 'findByID', id: '1' }).ok).toBe(true)
  })
})
