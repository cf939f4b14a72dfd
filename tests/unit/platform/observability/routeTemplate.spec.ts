import { describe, expect, it } from 'vitest'

import { createRouteTemplater, type PayloadRoutes, type RouteTable, UNMATCHED } from '@/platform/observability/metrics/routeTemplate'

/** Shaped like Payload's sanitized config: custom endpoints first, then the defaults. */
const collectionDefaults = [
  { method: 'get', path: '/count' },
  { method: 'post', path: '/' },
  { method: 'post', path: '/access/:id?' },
  { method: 'get', path: '/versions' },
  { method: 'get', path: '/' },
  { method: 'get', path: '/:id' },
  { method: 'get', path: '/versions/:id' },
  { method: 'patch', path: '/:id' },
  { method: 'delete', path: '/:id' },
]

const payload: PayloadRoutes = {
  apiRoute: '/api',
  root: [
    { method: 'post', path: '/auth/login' },
    { method: 'delete', path: '/auth/sessions/:id' },
    { method: 'post', path: '/access' },
  ],
  collections: [
    {
      slug: 'anime',
      endpoints: [
        { method: 'get', path: '/search' },
        { method: 'get', path: '/suggest' },
        { method: 'post', path: '/:id/view' },
        ...collectionDefaults,
      ],
    },
    { slug: 'genres', endpoints: collectionDefaults },
  ],
  globals: [
    {
      slug: 'site-settings',
      endpoints: [
        { method: 'get', path: '/' },
        { method: 'post', path: '/' },
      ],
    },
  ],
}

const next = ['/(payload)/admin/[[...segments]]', '/api/[...slug]', '/api/graphql', '/health', '/media/avatars/[filename]'].map((route) =>
  route.replace('/(payload)', ''),
)

const templater = (table: RouteTable = { next, payload }) => createRouteTemplater(() => table)

describe('route templates', () => {
  const routeOf = templater()

  it('names Payload collection routes by template, ids as :id', () => {
    expect(routeOf('GET', '/api/anime')).toBe('/api/anime')
    expect(routeOf('GET', '/api/anime/42')).toBe('/api/anime/:id')
    expect(routeOf('GET', '/api/anime/4f1c2a9e-8d7b-4c1e-9a3f-2b6d5e7f8a90')).toBe('/api/anime/:id')
    expect(routeOf('PATCH', '/api/genres/7')).toBe('/api/genres/:id')
    expect(routeOf('GET', '/api/genres/versions/3')).toBe('/api/genres/versions/:id')
    expect(routeOf('POST', '/api/genres/access')).toBe('/api/genres/access/:id')
    expect(routeOf('HEAD', '/api/genres/7')).toBe('/api/genres/:id')
  })

  it('prefers custom endpoints in Payload order: /search is not an id', () => {
    expect(routeOf('GET', '/api/anime/search')).toBe('/api/anime/search')
    expect(routeOf('GET', '/api/anime/suggest')).toBe('/api/anime/suggest')
    expect(routeOf('POST', '/api/anime/12/view')).toBe('/api/anime/:id/view')
  })

  it('names root endpoints and globals', () => {
    expect(routeOf('POST', '/api/auth/login')).toBe('/api/auth/login')
    expect(routeOf('DELETE', '/api/auth/sessions/99')).toBe('/api/auth/sessions/:id')
    expect(routeOf('GET', '/api/globals/site-settings')).toBe('/api/globals/site-settings')
  })

  it('names Next routes, exact ones before Payload and catch-alls', () => {
    expect(routeOf('POST', '/api/graphql')).toBe('/api/graphql')
    expect(routeOf('GET', '/health')).toBe('/health')
    expect(routeOf('GET', '/admin')).toBe('/admin/*')
    expect(routeOf('GET', '/admin/collections/anime/12')).toBe('/admin/*')
    expect(routeOf('GET', '/media/avatars/me.webp')).toBe('/media/avatars/:filename')
    expect(routeOf('GET', '/_next/static/chunks/abc.js')).toBe('/_next/static/*')
    expect(routeOf('GET', '/_next/image')).toBe('/_next/*')
    expect(routeOf('GET', '/metrics')).toBe('/metrics')
  })

  it('never mints a label from a path nobody routes', () => {
    const unrouted = [
      ['GET', '/wp-login.php'],
      ['GET', '/api/no-such-collection'],
      ['GET', '/api/no-such-collection/1'],
      ['GET', '/api/anime/1/2/3'],
      ['PUT', '/api/anime/1'],
      ['GET', '/api/globals/no-such-global'],
      ['GET', '/health/extra'],
      ['GET', '/media/avatars'],
      ['GET', '/'],
    ]
    for (const [method, path] of unrouted) expect(routeOf(method!, path!), `${method} ${path}`).toBe(UNMATCHED)
  })

  it('works before Payload has started (Next routes only) and picks Payload up once it has', () => {
    const table: RouteTable = { next }
    const routeOfLive = createRouteTemplater(() => table)
    expect(routeOfLive('GET', '/api/anime/1')).toBe(UNMATCHED)
    expect(routeOfLive('GET', '/health')).toBe('/health')
    table.payload = payload
    expect(routeOfLive('GET', '/api/anime/1')).toBe('/api/anime/:id')
  })

  it('follows a non-default API route', () => {
    const routeOfCustom = templater({ next: ['/rest/[...slug]'], payload: { ...payload, apiRoute: '/rest' } })
    expect(routeOfCustom('GET', '/rest/anime/5')).toBe('/rest/anime/:id')
    expect(routeOfCustom('GET', '/api/anime/5')).toBe(UNMATCHED)
  })
})
