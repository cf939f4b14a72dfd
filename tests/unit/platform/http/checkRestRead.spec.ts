import { describe, expect, it } from 'vitest'

import { checkRestRead } from '@/platform/http/readParams'
import type { EntityShape } from '@/platform/http/readParams/collectionShape'
import { readTargetOf } from '@/platform/http/readParams/readTarget'
import { createRouteTemplater } from '@/platform/observability/metrics/routeTemplate'

describe('readTargetOf', () => {
  it("names Payload's built-in reads by their route template", () => {
    expect(readTargetOf('/api/anime', '/api')).toEqual({ entity: 'collection', slug: 'anime', operation: 'find' })
    expect(readTargetOf('/api/anime/count', '/api')).toEqual({ entity: 'collection', slug: 'anime', operation: 'count' })
    expect(readTargetOf('/api/anime/:id', '/api')).toEqual({ entity: 'collection', slug: 'anime', operation: 'findByID', idIndex: 2 })
    expect(readTargetOf('/api/anime/versions', '/api')).toEqual({ entity: 'collection', slug: 'anime', operation: 'findVersions' })
    expect(readTargetOf('/api/anime/versions/:id', '/api')).toEqual({
      entity: 'collection',
      slug: 'anime',
      operation: 'findVersionByID',
      idIndex: 3,
    })
    expect(readTargetOf('/api/globals/app-settings', '/api')).toEqual({ entity: 'global', slug: 'app-settings', operation: 'findGlobal' })
    expect(readTargetOf('/api/globals/app-settings/versions/:id', '/api')).toMatchObject({ operation: 'findVersionByID', idIndex: 4 })
  })

  it('leaves custom endpoints, auth routes and non-API routes alone', () => {
    for (const template of ['/api/anime/search', '/api/users/me', '/api/anime/:id/view', '/health', 'unmatched', '/api']) {
      expect(readTargetOf(template, '/api'), template).toBeUndefined()
    }
  })
})

const shape: EntityShape = {
  slug: 'genres',
  idType: 'number',
  versionIdType: 'number',
  versions: false,
  fields: [
    { name: 'id', kind: 'serial', localized: false },
    { name: 'name', kind: 'text', localized: true },
  ],
  versionFields: [],
  locales: ['ru', 'en'],
}

// Payload's order: custom endpoints first, then the built-in ones (`/:id` catches `/versions` here).
const routeOf = createRouteTemplater(() => ({
  next: ['/api/[...slug]', '/health'],
  payload: {
    apiRoute: '/api',
    root: [],
    collections: [
      {
        slug: 'genres',
        endpoints: [
          { method: 'get', path: '/popular' },
          { method: 'get', path: '/' },
          { method: 'get', path: '/count' },
          { method: 'get', path: '/:id' },
        ],
      },
    ],
    globals: [{ slug: 'settings', endpoints: [{ method: 'get', path: '/' }] }],
  },
}))

const run = (url: string, { method = 'GET', published = true } = {}) =>
  checkRestRead({
    method,
    url,
    routeOf,
    published: published
      ? {
          shapes: { collections: new Map([['genres', shape]]), globals: new Map([['settings', { ...shape, slug: 'settings' }]]) },
          apiRoute: '/api',
          defaultDepth: 2,
        }
      : undefined,
    limits: { maxLimit: 100, maxDepth: 3 },
  })

describe('checkRestRead', () => {
  it('parses the query string as Payload does (qs) and refuses bad parameters', () => {
    expect(run('/api/genres?where[name][like]=%00')?.verdict).toMatchObject({ ok: false, status: 400, problems: [{ field: 'where' }] })
    expect(run('/api/genres?where=not-an-object')?.verdict).toMatchObject({ ok: false, status: 400, problems: [{ field: 'where' }] })
    expect(run('/api/genres?where%5Bnope%5D%5Bequals%5D=1')?.verdict).toMatchObject({ ok: false, problems: [{ field: 'where' }] })
    expect(run('/api/genres/count?where[name][foo]=1')?.verdict).toMatchObject({ ok: false, problems: [{ field: 'where' }] })
    expect(run('/api/genres?page=-1')?.verdict).toMatchObject({ ok: false, problems: [{ field: 'page' }] })
  })

  it("checks the `data` a global read JSON-parses: the first one, as Payload's URLSearchParams gives it", () => {
    expect(run('/api/globals/settings?data=x&data=%7B%7D')?.verdict).toMatchObject({
      ok: false,
      status: 400,
      problems: [{ field: 'data' }],
    })
    expect(run('/api/globals/settings?data=%7B%7D&data=x')?.verdict).toMatchObject({ ok: true })
    expect(run('/api/globals/settings?data=%5B1%5D')?.verdict).toMatchObject({ ok: false, problems: [{ field: 'data' }] })
    expect(run('/api/globals/settings?data[a]=1')?.verdict).toMatchObject({ ok: true })
  })

  it('answers 404 for ids a serial-id collection cannot have, and for versions it does not keep', () => {
    expect(run('/api/genres/abc')?.verdict).toMatchObject({ ok: false, status: 404 })
    expect(run('/api/genres/versions')?.verdict).toMatchObject({ ok: false, status: 404 })
    expect(run('/api/genres/%E0%A4%A')?.verdict).toMatchObject({ ok: false, status: 404 })
    expect(run('/api/genres/12')?.verdict).toEqual({ ok: true, applied: {} })
  })

  it('hands on the URL with the caps applied, untouched when nothing changes', () => {
    expect(run('/api/genres?limit=100000&depth=9&where[name][like]=a')?.url).toBe(
      '/api/genres?limit=100&depth=3&where%5Bname%5D%5Blike%5D=a',
    )
    expect(run('/api/genres?pagination=false')?.url).toBe('/api/genres?pagination=false&limit=100')
    expect(run('/api/genres?limit=5&sort=-name')?.url).toBe('/api/genres?limit=5&sort=-name')
  })

  it('holds writes by id to the same id rule, and refuses a path that does not decode', () => {
    expect(run('/api/genres/%5B1%2C2%5D', { method: 'DELETE' })?.verdict).toMatchObject({ ok: false, status: 404 })
    expect(run('/api/genres/abc', { method: 'PATCH' })?.verdict).toMatchObject({ ok: false, status: 404 })
    expect(run('/api/genres/12', { method: 'PATCH' })?.verdict).toEqual({ ok: true, applied: {} })
    expect(run('/api/genres/P[jk0%/c*')?.verdict).toMatchObject({ ok: false, status: 404, problems: [{ field: 'path' }] })
    expect(run('/api/genres/popular/a%00b', { method: 'POST' })?.verdict).toMatchObject({
      ok: false,
      status: 404,
      problems: [{ field: 'path' }],
    })
  })

  it('leaves writes, custom endpoints and other routes to the rest of the pipeline', () => {
    expect(run('/api/genres?page=-1', { method: 'POST' })).toBeUndefined()
    expect(run('/api/genres/popular?page=-1')).toBeUndefined()
    expect(run('/health?page=-1')).toBeUndefined()
  })

  it('checks the structure before Payload has published its collections', () => {
    expect(run('/api/genres?where=x', { published: false })?.verdict).toMatchObject({ ok: false, problems: [{ field: 'where' }] })
    expect(run('/api/genres?where[nope][equals]=1', { published: false })?.verdict).toMatchObject({ ok: true })
  })
})
