import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'

import { createReadParamsGuard } from '@/platform/http/readParams'
import type { EntityShape } from '@/platform/http/readParams/collectionShape'
import { publishReadConfig, type PublishedReadConfig } from '@/platform/http/readParams/publishedShapes'
import { createRouteTemplater, type RouteTable } from '@/platform/observability/metrics/routeTemplate'

const shape = (fields: string[]): EntityShape => ({
  slug: 'genres',
  idType: 'number',
  versionIdType: 'number',
  versions: false,
  fields: [{ name: 'id', kind: 'serial', localized: false }, ...fields.map((name) => ({ name, kind: 'text' as const, localized: false }))],
  versionFields: [],
  locales: [],
})

const published = (fields: string[]): PublishedReadConfig => ({
  shapes: { collections: new Map([['genres', shape(fields)]]), globals: new Map() },
  apiRoute: '/api',
  defaultDepth: 2,
})

const payloadRoutes = (endpoints: { method: string; path: string }[]): RouteTable['payload'] => ({
  apiRoute: '/api',
  root: [],
  collections: [{ slug: 'genres', endpoints }],
  globals: [],
})

const BUILT_IN = [
  { method: 'get', path: '/' },
  { method: 'get', path: '/:id' },
]

/** A guard whose route table and published config the test may change, and a request runner. */
const setUp = () => {
  let table: RouteTable = { next: ['/api/[...slug]'], payload: payloadRoutes(BUILT_IN) }
  const guard = createReadParamsGuard({ routeOf: createRouteTemplater(() => table), limits: { maxLimit: 100, maxDepth: 3 } })
  const run = (url: string, method = 'GET') => {
    const req = { method, url } as IncomingMessage
    let status: number | undefined
    const res = { writeHead: (code: number) => (status = code), end: () => undefined } as unknown as ServerResponse
    const answered = guard(req, res)
    return { answered, status, url: req.url }
  }
  return { run, setTable: (next: RouteTable) => (table = next) }
}

afterEach(() => publishReadConfig(undefined as unknown as PublishedReadConfig))

describe('the read-parameter guard', () => {
  it('hands on an accepted read with its caps applied, the same way again when it remembers it', () => {
    publishReadConfig(published(['name']))
    const { run } = setUp()
    for (let i = 0; i < 3; i++) {
      expect(run('/api/genres?limit=5000&sort=name')).toEqual({
        answered: false,
        status: undefined,
        url: '/api/genres?limit=100&sort=name',
      })
      expect(run('/api/genres?limit=5&sort=name')).toEqual({ answered: false, status: undefined, url: '/api/genres?limit=5&sort=name' })
    }
  })

  it('refuses a bad read every time, never remembering it as accepted', () => {
    publishReadConfig(published(['name']))
    const { run } = setUp()
    for (let i = 0; i < 3; i++) expect(run('/api/genres?sort=nope')).toMatchObject({ answered: true, status: 400 })
  })

  it('checks a remembered read again once Payload publishes another config', () => {
    publishReadConfig(published(['name', 'legacy']))
    const { run } = setUp()
    expect(run('/api/genres?sort=legacy')).toMatchObject({ answered: false })
    expect(run('/api/genres?sort=legacy')).toMatchObject({ answered: false })
    publishReadConfig(published(['name']))
    expect(run('/api/genres?sort=legacy')).toMatchObject({ answered: true, status: 400 })
  })

  it('checks a remembered read again once its path matches another route', () => {
    publishReadConfig(published(['name']))
    const { run, setTable } = setUp()
    // A custom endpoint is not Payload's built-in read: nothing to check.
    setTable({ next: ['/api/[...slug]'], payload: payloadRoutes([{ method: 'get', path: '/:id' }, ...BUILT_IN]) })
    expect(run('/api/genres/abc')).toMatchObject({ answered: true, status: 404 })
    setTable({ next: ['/api/[...slug]'], payload: payloadRoutes([{ method: 'get', path: '/abc' }, ...BUILT_IN]) })
    expect(run('/api/genres/abc')).toMatchObject({ answered: false })
    expect(run('/api/genres/abc')).toMatchObject({ answered: false })
    setTable({ next: ['/api/[...slug]'], payload: payloadRoutes(BUILT_IN) })
    expect(run('/api/genres/abc')).toMatchObject({ answered: true, status: 404 })
  })

  it('remembers nothing for writes', () => {
    publishReadConfig(published(['name']))
    const { run } = setUp()
    expect(run('/api/genres/12', 'PATCH')).toMatchObject({ answered: false })
    expect(run('/api/genres/abc', 'PATCH')).toMatchObject({ answered: true, status: 404 })
  })
})
