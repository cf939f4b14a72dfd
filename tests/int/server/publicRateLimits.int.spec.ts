import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureProductionBuild } from '../../helpers/productionBuild'
import { REDIS_URL } from '../../helpers/redis'
import { startServer, TEST_SECRET, type RunningServer } from '../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../helpers/testDatabase'

/**
 * Through the compiled server: the public routes anyone may call (view counting, search, suggest,
 * GraphQL) are limited per client IP, with 429 and Retry-After, in Redis shared by two instances.
 * The counters are keyed by the test's own database, so nothing leaks into other tests.
 */

let database: TestDatabase
const servers: RunningServer[] = []

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('public-rate-limits')
  const env = {
    SECRET_KEY: TEST_SECRET,
    DATABASE_URL: database.url,
    REDIS_URL,
    CACHE_ENABLED: 'false',
    RATE_LIMIT_VIEW_PER_IP: '3',
    RATE_LIMIT_SEARCH_PER_IP: '4',
    RATE_LIMIT_GRAPHQL_PER_IP: '3',
    RATE_LIMIT_PUBLIC_WINDOW_SECONDS: '60',
  }
  servers.push(await startServer(env, { compiled: true }))
  servers.push(await startServer(env, { compiled: true }))
})

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()))
  await database?.drop()
})

const expectLimited = async (response: Response) => {
  expect(response.status).toBe(429)
  const retryAfter = Number(response.headers.get('Retry-After'))
  expect(retryAfter).toBeGreaterThanOrEqual(1)
  expect(retryAfter).toBeLessThanOrEqual(60)
  expect(await response.json()).toEqual({ errors: [{ message: expect.stringMatching(/too many/i) }] })
}

describe('per-IP limits on public routes', () => {
  it('limits view counting, across two instances sharing Redis', async () => {
    const [a, b] = servers
    const statuses: number[] = []
    for (const server of [a, b, a]) statuses.push((await fetch(`${server.url}/api/anime/987654/view`, { method: 'POST' })).status)
    expect(statuses).toEqual([404, 404, 404])
    await expectLimited(await fetch(`${b.url}/api/anime/987654/view`, { method: 'POST' }))
  })

  it('limits search and suggest together', async () => {
    const [a, b] = servers
    const statuses: number[] = []
    for (const path of ['/api/anime/search?q=x', '/api/anime/suggest?q=x', '/api/anime/search', '/api/anime/suggest?q=y']) {
      statuses.push((await fetch(`${(statuses.length % 2 ? b : a).url}${path}`)).status)
    }
    expect(statuses.every((status) => status === 200 || status === 400)).toBe(true)
    await expectLimited(await fetch(`${a.url}/api/anime/search?q=z`))
    // Other routes are not limited by it.
    expect((await fetch(`${a.url}/api/anime?limit=1`)).status).toBe(200)
  })

  it('limits GraphQL', async () => {
    const [a] = servers
    const query = () =>
      fetch(`${a.url}/api/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: '{ Animes(limit: 1) { totalDocs } }' }),
      })
    for (let attempt = 1; attempt <= 3; attempt += 1) expect((await query()).status).toBe(200)
    await expectLimited(await query())
  })
})
