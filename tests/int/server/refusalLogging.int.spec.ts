import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureProductionBuild } from '../../helpers/productionBuild'
import { createApiCaller } from '../../helpers/apiCaller'
import { startServer, TEST_SECRET, type RunningServer } from '../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../helpers/testDatabase'

/**
 * Through the compiled server at LOG_LEVEL=info: refusals (400, 401, 403, 404, 409, 429) over REST
 * and GraphQL are routine and must not be logged as errors (level 50) with a stack trace.
 * (That an unexpected failure still logs at error is asserted in tests/unit/platform/observability.)
 */

let database: TestDatabase
let server: RunningServer

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('refusal-logging')
  server = await startServer(
    { SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url, LOG_LEVEL: 'info', RATE_LIMIT_AUTH_PER_IP: '6' },
    { compiled: true },
  )
})

afterAll(async () => {
  await server?.stop()
  await database?.drop()
})

const api = createApiCaller(() => server.url)
const graphql = async (query: string, token?: string) => {
  const response = await api('/graphql', { method: 'POST', token, json: { query } })
  return (await response.json()) as { errors?: { extensions?: { statusCode?: number } }[] }
}

type LogLine = { level: number; msg?: string; err?: { stack?: string; type?: string }; stack?: string }
const linesSince = (offset: number): LogLine[] =>
  server
    .output()
    .slice(offset)
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine)

describe('refused requests are not logged as errors', () => {
  it('logs 400, 401, 403, 404, 409 and 429 over REST and GraphQL below error level and without a stack', async () => {
    const offset = server.output().length
    const registered = await api('/auth/register', {
      method: 'POST',
      json: { email: 'logs@example.com', password: 'log-password', name: 'L' },
    })
    expect(registered.status).toBe(201)
    const { accessToken, user } = (await registered.json()) as { accessToken: string; user: { id: number } }

    const statuses: Record<string, number> = {}
    // 403: anonymous create; a write the caller may not make; a GraphQL mutation.
    statuses.anonymousCreate = (await api('/lists', { method: 'POST', json: { name: 'x', visibility: 'public' } })).status
    statuses.forbiddenField = (await api(`/users/${user.id}`, { method: 'PATCH', token: accessToken, json: { roles: ['admin'] } })).status
    statuses.graphqlForbidden =
      (await graphql('mutation { createList(data: { name: "x", visibility: public }) { id } }')).errors?.[0]?.extensions?.statusCode ?? 0
    // 404 over REST and GraphQL.
    statuses.notFound = (await api('/anime/987654')).status
    statuses.graphqlNotFound = (await graphql('{ Anime(id: 987654) { id } }')).errors?.[0]?.extensions?.statusCode ?? 0
    statuses.viewNotFound = (await api('/anime/987654/view', { method: 'POST' })).status
    // 400: a body that is not JSON to our endpoint; a Payload validation error.
    statuses.badBody = (
      await api('/anime/1/view', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: 'not json' })
    ).status
    statuses.invalidList = (await api('/lists', { method: 'POST', token: accessToken, json: { visibility: 'public' } })).status
    // 409: the same email again.
    statuses.duplicate = (
      await api('/auth/register', { method: 'POST', json: { email: 'logs@example.com', password: 'log-password', name: 'L' } })
    ).status
    // 401: a wrong password on Payload's own login.
    statuses.wrongPassword = (
      await api('/users/login', { method: 'POST', json: { email: 'logs@example.com', password: 'wrong-password' } })
    ).status
    // 429: past the per-IP sign-in limit (6 in this file).
    let limited = 0
    for (let attempt = 0; attempt < 8 && limited !== 429; attempt += 1) {
      limited = (await api('/users/login', { method: 'POST', json: { email: 'logs@example.com', password: 'wrong-password' } })).status
    }
    statuses.tooMany = limited

    expect(statuses).toEqual({
      anonymousCreate: 403,
      forbiddenField: 403,
      graphqlForbidden: 403,
      notFound: 404,
      graphqlNotFound: 404,
      viewNotFound: 404,
      badBody: 400,
      invalidList: 400,
      duplicate: 409,
      wrongPassword: 401,
      tooMany: 429,
    })
    // Give the process a moment to flush its log lines.
    await new Promise((resolve) => setTimeout(resolve, 300))
    const lines = linesSince(offset)
    const errors = lines.filter((line) => line.level >= 50)
    expect(errors, JSON.stringify(errors, null, 1).slice(0, 3000)).toEqual([])
    const withStack = lines.filter((line) => line.err?.stack || line.stack)
    expect(withStack, JSON.stringify(withStack, null, 1).slice(0, 3000)).toEqual([])
    // The refusals are still there to be read, at info or warn.
    expect(
      lines.some((line) => (line.level === 30 || line.level === 40) && /not allowed|not found|forbidden|may not/i.test(line.msg ?? '')),
    ).toBe(true)
  })
})
