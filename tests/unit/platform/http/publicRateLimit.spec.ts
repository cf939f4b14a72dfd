import { describe, expect, it } from 'vitest'

import { animeRateLimitedRoutes } from '@/domains/anime/endpoints/rateLimitedRoutes'
import { graphqlRateLimitedRoute, matchPublicRoute } from '@/platform/http/publicRateLimit'

const rule = { points: 1, durationSeconds: 1 }
const routes = [...animeRateLimitedRoutes({ view: rule, search: rule, graphql: rule, realtime: rule }), graphqlRateLimitedRoute(rule)]
const nameOf = (method: string, url: string) => matchPublicRoute(routes, method, url)?.name

describe('matchPublicRoute', () => {
  it('finds the limited public routes, with or without a query string', () => {
    expect(nameOf('POST', '/api/anime/12/view')).toBe('anime-view')
    expect(nameOf('GET', '/api/anime/search?q=naruto')).toBe('anime-search')
    expect(nameOf('GET', '/api/anime/suggest?q=na')).toBe('anime-search')
    expect(nameOf('POST', '/api/graphql')).toBe('graphql')
    expect(nameOf('GET', '/api/graphql?query={a}')).toBe('graphql')
  })

  it('leaves every other request alone', () => {
    expect(nameOf('GET', '/api/anime/12/view')).toBeUndefined()
    expect(nameOf('GET', '/api/anime/12')).toBeUndefined()
    expect(nameOf('GET', '/api/anime?where[title][like]=search')).toBeUndefined()
    expect(nameOf('POST', '/api/anime/search')).toBeUndefined()
    expect(nameOf('GET', '/api/graphql-playground')).toBeUndefined()
    expect(nameOf('GET', '/admin')).toBeUndefined()
  })
})
