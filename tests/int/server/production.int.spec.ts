import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureProductionBuild } from '../../helpers/productionBuild'
import { startServer, TEST_SECRET, type RunningServer } from '../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../helpers/testDatabase'

let database: TestDatabase
let server: RunningServer

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('production')
  server = await startServer(
    { SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url, ALLOWED_ORIGINS: 'https://kitsu.example' },
    { compiled: true },
  )
}, 600_000)

afterAll(async () => {
  await server?.stop()
  await database?.drop()
})

const graphql = (query: string) =>
  fetch(`${server.url}/api/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query }),
  })

describe('the compiled production server (npm run build && npm start)', () => {
  it('serves health, the admin panel, REST and GraphQL', async () => {
    expect((await fetch(`${server.url}/health`)).status).toBe(200)
    expect((await fetch(`${server.url}/admin`)).status).toBe(200)
    expect((await fetch(`${server.url}/api/media`)).status).toBe(200)
    expect(await (await graphql('{ Media { totalDocs } }')).json()).toEqual({ data: { Media: { totalDocs: 0 } } })
  })

  it('turns GraphQL introspection and the playground off', async () => {
    const introspection = (await (await graphql('{ __schema { types { name } } }')).json()) as {
      errors?: { message: string }[]
      data?: unknown
    }
    expect(introspection.data).toBeUndefined()
    expect(introspection.errors?.[0]?.message).toMatch(/introspection is not allowed/i)
    expect((await fetch(`${server.url}/api/graphql-playground`)).status).toBe(404)
  })

  it('answers CORS only for the allowed origins, with credentials', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/media`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
      })
    const allowed = await preflight('https://kitsu.example')
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://kitsu.example')
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true')
    const refused = await preflight('https://evil.example')
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
  })
})
