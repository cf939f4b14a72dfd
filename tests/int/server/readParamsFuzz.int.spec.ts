import fc from 'fast-check'
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from 'graphql'
import type { SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAccountWithRole } from '../../helpers/accounts'
import { ensureProductionBuild } from '../../helpers/productionBuild'
import { startServer, TEST_SECRET, type RunningServer } from '../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../helpers/testDatabase'

/**
 * Property-based: thousands of generated malformed query strings, ids, bodies and GraphQL arguments
 * against every collection and global of the config, through the compiled server. None may be
 * answered with a 5xx (a GraphQL error with statusCode >= 500 counts) or hang. Bounded in time;
 * the seed is printed, and FUZZ_SEED=<seed> replays a run.
 */

const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31))
const BATCHES = Number(process.env.FUZZ_BATCHES ?? 200)
const BATCH_SIZE = 15
const TIME_LIMIT_MS = 45_000
const REQUEST_TIMEOUT_MS = 15_000

let database: TestDatabase
let server: RunningServer
let config: SanitizedConfig
let queryFields: GraphQLField<unknown, unknown>[]
const tokens: Record<'anonymous' | 'user' | 'admin', string | undefined> = { anonymous: undefined, user: undefined, admin: undefined }

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('read-params-fuzz')
  server = await startServer({ SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url }, { compiled: true })
  await fetch(`${server.url}/health`)
  const account = (role: 'admin' | 'user') =>
    createAccountWithRole({ serverUrl: server.url, databaseUrl: database.url, email: `fuzz-${role}@example.com`, password: `fuzz-${role}-password`, role })
  tokens.admin = (await account('admin')).accessToken
  tokens.user = (await account('user')).accessToken
  // Something to find: a genre, and an anime with a draft version.
  await fetch(`${server.url}/api/genres`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens.admin}` }, body: JSON.stringify({ name: 'Fuzz' }) })

  // The collections, globals and GraphQL queries, from the same config the server runs.
  Object.assign(process.env, { SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url })
  config = await (await import('@payload-config')).default
  const { configToSchema } = await import('@payloadcms/graphql')
  queryFields = Object.values(configToSchema(config).schema.getQueryType()!.getFields())
}, 600_000)

afterAll(async () => {
  await server?.stop()
  await database?.drop()
})

// ---------------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------------

const OPERATORS = ['equals', 'not_equals', 'in', 'not_in', 'all', 'exists', 'greater_than', 'greater_than_equal', 'less_than', 'less_than_equal', 'like', 'not_like', 'contains', 'near', 'within', 'intersects']

const nasty = fc.constantFrom(
  '',
  '-1',
  '0',
  '1',
  '1.5',
  '1e309',
  '99999999999',
  '-99999999999999999999',
  'NaN',
  'Infinity',
  'null',
  'undefined',
  'true',
  'false',
  '\u0000',
  'a\u0000b',
  '%00',
  '%',
  '%zz',
  '[]',
  '{}',
  '{"a":1}',
  '[1,2]',
  '{"title":{"equals":"x"}}',
  '1,2,abc',
  '2020-13-45',
  '2020-01-01T00:00:00Z',
  "' OR 1=1 --",
  '../../etc/passwd',
  '<script>',
  'ñ😀',
  'x'.repeat(5000),
)

const value = fc.oneof(nasty, fc.string({ maxLength: 20 }), fc.integer().map(String), fc.double().map(String), fc.string({ unit: 'binary', maxLength: 10 }))

/** A value for the URL: usually percent-encoded, sometimes raw (malformed escapes included). */
const encoded = (text: string, raw: boolean) => (raw ? text.replace(/[#&\s]/g, encodeURIComponent) : encodeURIComponent(text))

const fieldNames = (slug: string): string[] => {
  const entity = config.collections.find((collection) => collection.slug === slug) ?? config.globals.find((global) => global.slug === slug)
  return (entity?.flattenedFields ?? []).flatMap((field) => ('name' in field ? [field.name] : []))
}

const queryKey = (fields: string[]) =>
  fc.oneof(
    fc.constantFrom('limit', 'page', 'depth', 'sort', 'where', 'pagination', 'draft', 'locale', 'fallback-locale', 'select', 'populate', 'joins', 'data', 'trash', 'limit[]', 'page[a]'),
    fc
      .tuple(
        fc.constantFrom('', '[or][0]', '[and][1]', '[or][0][and][0]', '[or]', '[and][x]'),
        fc.oneof(fc.constantFrom(...fields, 'id', 'createdAt', 'updatedAt', '_status', 'version.title', 'parent', 'nope'), fc.string({ maxLength: 8 })),
        fc.oneof(fc.constantFrom(...OPERATORS), fc.string({ maxLength: 6 }), fc.constant('')),
      )
      .map(([prefix, field, operator]) => `where${prefix}[${field}]${operator === '' ? '' : `[${operator}]`}`),
    fc.constantFrom('sort', 'select[title]', 'populate[genres][name]', 'joins[anime][limit]', 'depth'),
    fc.string({ maxLength: 12 }),
  )

const queryString = (fields: string[]) =>
  fc
    .array(fc.tuple(queryKey(fields), value, fc.boolean(), fc.boolean()), { maxLength: 6 })
    .map((pairs) => pairs.map(([key, text, rawKey, rawValue]) => `${encoded(key, rawKey)}=${encoded(text, rawValue)}`).join('&'))

const id = fc.oneof(fc.nat().map(String), fc.integer().map(String), nasty, fc.string({ maxLength: 12 }))

type Probe = { method: string; path: string; body?: string; contentType?: string; as: keyof typeof tokens }

const as = fc.constantFrom<keyof typeof tokens>('anonymous', 'user', 'admin')

const restRead = (): fc.Arbitrary<Probe> =>
  fc.oneof(fc.constantFrom(...config.collections.map((collection) => ({ slug: collection.slug, global: false }))), fc.constantFrom(...config.globals.map((global) => ({ slug: global.slug, global: true })))).chain(({ slug, global }) =>
    fc
      .tuple(
        global
          ? fc.constantFrom('', '/versions', '/versions/:id')
          : fc.constantFrom('', '', '/:id', '/:id', '/count', '/versions', '/versions/:id'),
        id,
        fc.boolean(),
        queryString(fieldNames(slug)),
        as,
      )
      .map(([route, someId, rawId, query, who]) => ({
        method: 'GET',
        path: `/api${global ? '/globals' : ''}/${slug}${route.replace(':id', encoded(someId, rawId))}${query ? `?${query}` : ''}`,
        as: who,
      })),
  )

const restWrite = (): fc.Arbitrary<Probe> =>
  fc
    .tuple(
      fc.constantFrom(...config.collections.map((collection) => collection.slug)),
      fc.constantFrom('POST', 'PATCH', 'DELETE'),
      id,
      fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ maxLength: 40 }), nasty, fc.constantFrom('{"name":null}', '{"title":{"ru":1}}', '{"_status":"nope"}', '{"id":"abc"}')),
      fc.constantFrom('application/json', 'text/plain', 'multipart/form-data', ''),
      fc.constantFrom<keyof typeof tokens>('anonymous', 'user'),
    )
    .map(([slug, method, someId, body, contentType, who]) => ({
      method,
      path: `/api/${slug}${method === 'POST' ? '' : `/${encodeURIComponent(someId)}`}`,
      body: method === 'DELETE' ? undefined : body,
      contentType,
      as: who,
    }))

/** A GraphQL literal for an argument of this type; now and then one of the wrong type. */
const literal = (type: GraphQLInputType, depth: number): fc.Arbitrary<string> => {
  const wrong = fc.oneof(fc.constant('null'), fc.integer().map(String), fc.string({ maxLength: 10 }).map((text) => JSON.stringify(text)), fc.constant('{}'), fc.constant('[]'))
  if (isNonNullType(type)) return literal(type.ofType, depth)
  if (isListType(type)) return depth > 3 ? fc.constant('[]') : fc.array(literal(type.ofType, depth + 1), { maxLength: 3 }).map((items) => `[${items.join(', ')}]`)
  const named = getNamedType(type)
  let right: fc.Arbitrary<string>
  if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields())
    right =
      depth > 3 || fields.length === 0
        ? fc.constant('{}')
        : fc
            .uniqueArray(fc.constantFrom(...fields), { maxLength: 3, selector: (field) => field.name })
            .chain((picked) => fc.tuple(...picked.map((field) => literal(field.type, depth + 1).map((text) => `${field.name}: ${text}`))))
            .map((parts) => `{ ${parts.join(', ')} }`)
  } else if (isEnumType(named)) {
    right = fc.constantFrom(...named.getValues().map((enumValue) => enumValue.name))
  } else if (isScalarType(named) && (named.name === 'Int' || named.name === 'Float')) {
    right = fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }).map(String), fc.constantFrom('0', '-1', '1', '100000'), fc.double({ noNaN: true, noDefaultInfinity: true }).map(String))
  } else if (isScalarType(named) && named.name === 'Boolean') {
    right = fc.constantFrom('true', 'false')
  } else {
    right = fc.oneof(nasty, fc.string({ maxLength: 20 })).map((text) => JSON.stringify(text))
  }
  return fc.oneof({ weight: 9, arbitrary: right }, { weight: 1, arbitrary: wrong })
}

const selectionOf = (field: GraphQLField<unknown, unknown>): string => {
  const named = getNamedType(field.type)
  if (!isObjectType(named)) return ''
  return 'docs' in named.getFields() ? '{ __typename docs { __typename } }' : '{ __typename }'
}

const graphqlQuery = (): fc.Arbitrary<Probe> =>
  fc.constantFrom(...queryFields).chain((field) =>
    fc
      .tuple(
        fc.uniqueArray(fc.constantFrom(...(field.args.length ? field.args : [undefined])), { maxLength: 5 }),
        as,
      )
      .chain(([args, who]) =>
        fc
          .tuple(...args.filter((arg) => arg !== undefined).map((arg) => literal(arg.type, 0).map((text) => `${arg.name}: ${text}`)))
          .map((parts) => ({
            method: 'POST',
            path: '/api/graphql',
            contentType: 'application/json',
            body: JSON.stringify({ query: `{ ${field.name}${parts.length ? `(${parts.join(', ')})` : ''} ${selectionOf(field)} }` }),
            as: who,
          })),
      ),
  )

const graphqlBody = (): fc.Arbitrary<Probe> =>
  fc
    .tuple(fc.oneof(fc.json({ maxDepth: 2 }), fc.string({ maxLength: 30 }), fc.constantFrom('{"query":5}', '{"query":"{"}', '{"query":"{ Genres { docs { id } } }","variables":"x"}', '{"query":"query($l: Int) { Genres(limit: $l) { limit } }","variables":{"l":"abc"}}')), as)
    .map(([body, who]) => ({ method: 'POST', path: '/api/graphql', contentType: 'application/json', body, as: who }))

// ---------------------------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------------------------

type Answer = { status: number; graphqlStatus?: number; text: string }

const send = async (probe: Probe): Promise<Answer> => {
  const headers: Record<string, string> = {}
  if (probe.contentType) headers['Content-Type'] = probe.contentType
  const token = tokens[probe.as]
  if (token) headers.Authorization = `Bearer ${token}`
  const response = await fetch(`${server.url}${probe.path}`, { method: probe.method, headers, body: probe.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
  const text = await response.text()
  let graphqlStatus: number | undefined
  if (probe.path === '/api/graphql') {
    try {
      const body = JSON.parse(text) as { errors?: { extensions?: { statusCode?: number } }[] }
      graphqlStatus = Math.max(0, ...(body.errors ?? []).map((error) => error.extensions?.statusCode ?? 0))
    } catch {
      // Not JSON: the HTTP status says it all.
    }
  }
  return { status: response.status, graphqlStatus, text: text.slice(0, 300) }
}

describe('fuzzing every collection, global and GraphQL query', () => {
  it(
    'never answers 5xx and never hangs',
    async () => {
      console.log(`read-params fuzz: seed ${SEED} (replay with FUZZ_SEED=${SEED})`)
      const probe = fc.oneof({ weight: 6, arbitrary: restRead() }, { weight: 1, arbitrary: restWrite() }, { weight: 3, arbitrary: graphqlQuery() }, { weight: 1, arbitrary: graphqlBody() })
      let sent = 0
      const started = Date.now()
      await fc.assert(
        fc.asyncProperty(fc.array(probe, { minLength: BATCH_SIZE, maxLength: BATCH_SIZE }), async (batch) => {
          const answers = await Promise.all(batch.map(send))
          sent += batch.length
          const failures = batch
            .map((request, index) => ({ request, answer: answers[index]! }))
            .filter(({ answer }) => answer.status >= 500 || (answer.graphqlStatus ?? 0) >= 500)
          expect(failures, `seed ${SEED}`).toEqual([])
        }),
        { seed: SEED, numRuns: BATCHES, interruptAfterTimeLimit: TIME_LIMIT_MS, endOnFailure: true },
      )
      console.log(`read-params fuzz: ${sent} requests in ${Date.now() - started} ms`)
      // A run cut short by the time limit must still have sent thousands.
      expect(sent).toBeGreaterThanOrEqual(1000)
    },
    // The bound CI relies on: the property stops itself after TIME_LIMIT_MS.
    60_000,
  )
})
