import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAccountWithRole } from '../../helpers/accounts'
import { ensureProductionBuild } from '../../helpers/productionBuild'
import { startServer, TEST_SECRET, type RunningServer } from '../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../helpers/testDatabase'

/**
 * Issue 12, part 2, through the compiled server: bad read parameters are the caller's mistake
 * (400 naming the parameter, 404 for an id that cannot exist), never a 500; limit and depth are
 * capped and the applied limit is echoed; the same rules hold over GraphQL.
 */

let database: TestDatabase
let server: RunningServer
let admin: string
let user: string

type ErrorBody = { errors: { message: string; field?: string }[] }
type Page = { docs: { id: number }[]; limit: number; totalDocs: number }

const api = (path: string, { token, json, method }: { token?: string; json?: unknown; method?: string } = {}) =>
  fetch(`${server.url}/api${path}`, {
    method: method ?? (json === undefined ? 'GET' : 'POST'),
    headers: {
      ...(json !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: json === undefined ? undefined : JSON.stringify(json),
  })

const graphql = async (query: string, token?: string) => {
  const response = await api('/graphql', { json: { query }, token })
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: Record<string, unknown>
      errors?: { message: string; extensions?: { statusCode?: number; data?: ErrorBody } }[]
    },
  }
}

const expectRefusal = async (response: Response, status: number, field: string) => {
  const body = (await response.json()) as ErrorBody
  expect({ status: response.status, body }).toEqual({ status, body: { errors: [{ message: expect.any(String), field }] } })
}

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('read-params')
  server = await startServer({ SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url }, { compiled: true })
  // Payload starts on first use; /health brings it up (and with it the collections the guard knows).
  await fetch(`${server.url}/health`)
  admin = (
    await createAccountWithRole({
      serverUrl: server.url,
      databaseUrl: database.url,
      email: 'params-admin@example.com',
      password: 'params-admin-pw',
      role: 'admin',
    })
  ).accessToken
  user = (
    await createAccountWithRole({
      serverUrl: server.url,
      databaseUrl: database.url,
      email: 'params-user@example.com',
      password: 'params-user-pw',
      role: 'user',
    })
  ).accessToken
  // More genres than the cap, so an uncapped read would show.
  for (let batch = 0; batch < 11; batch++) {
    const created = await Promise.all(
      Array.from({ length: 10 }, (_, index) => api('/genres', { token: admin, json: { name: `Genre ${batch * 10 + index}` } })),
    )
    expect(created.map((response) => response.status)).toEqual(Array(10).fill(201))
  }
}, 600_000)

afterAll(async () => {
  await server?.stop()
  await database?.drop()
})

describe('REST reads with bad parameters (each was a 500 or silently accepted)', () => {
  it('answers 404 for an id the collection cannot have', async () => {
    await expectRefusal(await api('/anime/abc'), 404, 'id')
    await expectRefusal(await api('/genres/abc'), 404, 'id')
    await expectRefusal(await api('/genres/99999999999'), 404, 'id')
    await expectRefusal(await api('/genres/abc', { token: user }), 404, 'id')
  })

  it('answers 404 for the versions of a collection that keeps none, signed in or not', async () => {
    await expectRefusal(await api('/genres/versions', { token: user }), 404, 'versions')
    await expectRefusal(await api('/genres/versions', { token: admin }), 404, 'versions')
    await expectRefusal(await api('/genres/versions/1', { token: user }), 404, 'versions')
    await expectRefusal(await api('/genres/versions'), 404, 'versions')
  })

  it('answers 400 naming page, where or data', async () => {
    await expectRefusal(await api('/anime?page=-1'), 400, 'page')
    await expectRefusal(await api('/anime?page=-1', { token: user }), 400, 'page')
    await expectRefusal(await api('/anime?where=not-an-object'), 400, 'where')
    await expectRefusal(await api('/anime/count?where=not-an-object'), 400, 'where')
    await expectRefusal(await api('/anime?where[title][like]=%00'), 400, 'where')
    await expectRefusal(await api('/anime/1?data=not-json'), 400, 'data')
    await expectRefusal(await api('/genres?where[id][equals]=abc'), 400, 'where')
  })

  it('refuses an unknown where operator or field and an unknown sort field instead of ignoring them', async () => {
    await expectRefusal(await api('/genres?where[name][sounds_like]=x'), 400, 'where')
    await expectRefusal(await api('/genres?where[nope][equals]=x'), 400, 'where')
    await expectRefusal(await api('/genres?sort=nope'), 400, 'sort')
    await expectRefusal(await api('/anime/versions?sort=title', { token: admin }), 400, 'sort')
    // What Payload can do still works: nested paths, and/or, versions, descending sorts.
    expect((await api('/genres?where[or][0][name][like]=Genre 1&where[or][1][slug][equals]=genre-2&sort=-name')).status).toBe(200)
    expect((await api('/anime/versions?where[version.title][like]=x&sort=-version.title', { token: admin })).status).toBe(200)
    expect((await api('/anime?where[genres.name][equals]=Genre 1&sort=-createdAt')).status).toBe(200)
  })

  it('caps limit to 1..100 and echoes the applied value; pagination=false does not lift the cap', async () => {
    const read = async (query: string) => (await (await api(`/genres?${query}`)).json()) as Page
    const huge = await read('limit=100000')
    expect({ limit: huge.limit, docs: huge.docs.length, total: huge.totalDocs }).toEqual({ limit: 100, docs: 100, total: 110 })
    for (const query of ['limit=0', 'limit=-1']) {
      const tiny = await read(query)
      expect({ query, limit: tiny.limit, docs: tiny.docs.length }).toEqual({ query, limit: 1, docs: 1 })
    }
    const unpaginated = await read('pagination=false')
    expect({ limit: unpaginated.limit, docs: unpaginated.docs.length }).toEqual({ limit: 100, docs: 100 })
    await expectRefusal(await api('/genres?limit=lots'), 400, 'limit')
  })

  it('never lets a refused read reach the response cache', async () => {
    // A capped read is cached under its capped URL (see the unit test of checkRestRead); whether the
    // next identical read hits was flaky here (3 of 4 runs missed), so it is not asserted.
    expect((await api('/genres?limit=100000&depth=50')).headers.get('x-cache')).toBe('MISS')
    const refused = await api('/genres?page=0')
    expect(refused.status).toBe(400)
    expect(refused.headers.get('x-cache')).toBeNull()
  })
})

describe('GraphQL reads with bad arguments', () => {
  const refusalOf = (body: Awaited<ReturnType<typeof graphql>>['body']) =>
    body.errors?.map((error) => ({ statusCode: error.extensions?.statusCode, field: error.extensions?.data?.errors[0]?.field }))

  it('answers 400 naming the argument where it was a 500', async () => {
    expect(refusalOf((await graphql('{ Animes(page: -1) { docs { id } } }')).body)).toEqual([{ statusCode: 400, field: 'page' }])
    expect(refusalOf((await graphql('{ Animes(where: { title: { like: "\\u0000" } }) { docs { id } } }')).body)).toEqual([
      { statusCode: 400, field: 'where' },
    ])
    expect(refusalOf((await graphql('{ versionsAnimes(page: 0) { docs { id } } }', admin)).body)).toEqual([
      { statusCode: 400, field: 'page' },
    ])
  })

  it('refuses an unknown sort field instead of ignoring it', async () => {
    expect(refusalOf((await graphql('{ Genres(sort: "nope") { docs { id } } }')).body)).toEqual([{ statusCode: 400, field: 'sort' }])
    expect((await graphql('{ Genres(sort: "-name", limit: 2) { docs { name } } }')).body.errors).toBeUndefined()
  })

  it('caps limit and echoes the applied value', async () => {
    expect((await graphql('{ Genres(limit: 100000) { limit docs { id } } }')).body.data).toMatchObject({
      Genres: { limit: 100, docs: expect.toSatisfy((docs: unknown[]) => docs.length === 100) },
    })
    expect((await graphql('{ Genres(limit: -1) { limit } }')).body.data).toEqual({ Genres: { limit: 1 } })
    expect((await graphql('{ Genres(pagination: false) { limit docs { id } } }')).body.data).toMatchObject({
      Genres: { limit: 100, docs: expect.toSatisfy((docs: unknown[]) => docs.length === 100) },
    })
  })
})

describe('what the fuzz found past the read parameters (each was a 500)', () => {
  const refusalOf = (body: Awaited<ReturnType<typeof graphql>>['body']) =>
    body.errors?.map((error) => ({ statusCode: error.extensions?.statusCode, field: error.extensions?.data?.errors[0]?.field }))

  it('gives equals one value: a comma-separated or listed id is refused, over GraphQL and REST', async () => {
    expect(refusalOf((await graphql('{ countLists(where: { owner: { equals: "6,37" } }) { totalDocs } }', user)).body)).toEqual([
      { statusCode: 400, field: 'where' },
    ])
    await expectRefusal(await api('/lists?where[owner][equals]=6,37', { token: user }), 400, 'where')
    await expectRefusal(await api('/lists?where[owner][equals][0]=6&where[owner][equals][1]=7', { token: user }), 400, 'where')
    expect((await api('/lists?where[owner][in]=6,37', { token: user })).status).toBe(200)
  })

  it('holds JSON columns and polymorphic relationships to the operators PostgreSQL can run', async () => {
    await expectRefusal(await api('/articles/count?where[or][0][and][0][related][in]=-2123346976'), 400, 'where')
    expect(refusalOf((await graphql('{ countArticles(where: { body: { like: "W&" } }) { totalDocs } }', admin)).body)).toEqual([
      { statusCode: 400, field: 'where' },
    ])
    expect((await api('/articles/count?where[related.value][equals]=5', { token: admin })).status).toBe(200)
    expect((await api('/articles/count?where[body][exists]=true', { token: admin })).status).toBe(200)
  })

  it('checks the version queries of globals over GraphQL, which run no beforeOperation hook', async () => {
    expect(refusalOf((await graphql('{ versionsAppSetting(page: -1) { docs { id } } }', admin)).body)).toEqual([
      { statusCode: 400, field: 'page' },
    ])
    expect((await graphql('{ versionsAppSetting(limit: 100000) { limit } }', admin)).body.data).toEqual({
      versionsAppSetting: { limit: 100 },
    })
    const missing = (await graphql('{ versionAppSetting(id: -5) { id } }', admin)).body
    expect(missing.errors?.map((error) => error.extensions?.statusCode)).toEqual([404])
  })

  it("checks the reads of Payload's own collections (added after plugins run)", async () => {
    expect(refusalOf((await graphql('{ PayloadLockedDocuments(page: -23) { docs { id } } }', user)).body)).toEqual([
      { statusCode: 400, field: 'page' },
    ])
    await expectRefusal(await api('/payload-locked-documents?page=-23', { token: admin }), 400, 'page')
    expect((await api('/payload-preferences/a%00b', { token: admin })).status).toBe(404)
  })

  it("answers docAccess of a global (Payload's resolver read the arguments as the context: a TypeError)", async () => {
    const { body } = await graphql('{ docAccessAppSetting { read { permission } update { permission } } }', admin)
    expect(body).toEqual({ data: { docAccessAppSetting: { read: { permission: true }, update: { permission: true } } } })
    const anonymous = await graphql('{ docAccessAppSetting { update { permission } } }')
    expect(anonymous.body.data).toEqual({ docAccessAppSetting: { update: { permission: false } } })
  })

  it("answers docAccess in the shape its GraphQL type declares (Payload's sanitized `true` was a non-null error)", async () => {
    const [genre] = ((await (await api('/genres?limit=1', { token: admin })).json()) as Page).docs
    const query = `{ docAccessGenre(id: ${genre!.id}) { read { permission } delete { permission } fields { name { update { permission } } } } }`
    expect((await graphql(query, admin)).body).toEqual({
      data: {
        docAccessGenre: { read: { permission: true }, delete: { permission: true }, fields: { name: { update: { permission: true } } } },
      },
    })
    expect((await graphql(query, user)).body.data).toEqual({
      docAccessGenre: { read: { permission: true }, delete: { permission: false }, fields: { name: { update: { permission: false } } } },
    })
  })

  it('checks the data a global read parses: the first one, when repeated', async () => {
    await expectRefusal(await api('/globals/app-settings?data=x&data=%7B%7D', { token: admin }), 400, 'data')
    expect((await api('/globals/app-settings?data=%7B%7D&data=x', { token: admin })).status).toBe(200)
  })

  it('refuses a body id the collection cannot have, naming id, and stores nothing', async () => {
    const response = await api('/favorites', { token: user, json: { id: 'abc' } })
    const body = (await response.json()) as { errors: { data?: { errors: { path: string }[] } }[] }
    expect({ status: response.status, paths: body.errors[0]?.data?.errors.map((error) => error.path) }).toEqual({
      status: 400,
      paths: ['id'],
    })
    const genre = await api('/genres', { token: admin, json: { name: 'Id probe', id: '1.5' } })
    expect(genre.status).toBe(400)
    expect(((await (await api('/genres?where[name][equals]=Id%20probe', { token: admin })).json()) as Page).totalDocs).toBe(0)
  })

  it('answers a malformed multipart upload with 400 naming the file part', async () => {
    for (const contentType of ['multipart/form-data', 'multipart/form-data; boundary=x']) {
      const response = await fetch(`${server.url}/api/media`, {
        method: 'POST',
        headers: { 'Content-Type': contentType, Authorization: `Bearer ${admin}` },
        body: '--x\r\nnot a part',
      })
      await expectRefusal(response, 400, 'file')
    }
  })
})
