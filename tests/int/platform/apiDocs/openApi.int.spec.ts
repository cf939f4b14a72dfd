import fs from 'node:fs'
import path from 'node:path'

import { Validator } from '@seriousme/openapi-schema-validator'
import type { Endpoint, SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildOpenApiDocument, HTTP_METHODS, isDocumented, NEXT_ROUTES, type OpenApiDocument, toOpenApiPaths } from '@/platform/apiDocs'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'
import { ensureProductionBuild } from '../../../helpers/productionBuild'
import { startServer, TEST_SECRET, type RunningServer } from '../../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'

/** The OpenAPI document: valid OpenAPI 3.1, complete, and free of secrets, in-process and as served. */

let ctx: PayloadInt
let document: OpenApiDocument
let database: TestDatabase
let server: RunningServer

beforeAll(async () => {
  ensureProductionBuild()
  ctx = await initPayloadInt('openapi')
  document = await buildOpenApiDocument(ctx.config)
  database = await createMigratedTestDatabase('openapi-server')
  server = await startServer({ SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url }, { compiled: true })
}, 600_000)

afterAll(async () => {
  await server?.stop()
  await database?.drop()
  await ctx?.cleanup()
})

const validate = (spec: unknown) => new Validator().validate(structuredClone(spec) as Record<string, unknown>)

/** Every route Payload serves for the documented parts of the config, as `<method> <openapi path>`. */
const configuredRoutes = (config: SanitizedConfig): string[] => {
  const api = config.routes.api
  const routes: string[] = []
  const add = (prefix: string, endpoints: Endpoint[] | false | undefined, versions: boolean) => {
    for (const endpoint of endpoints || []) {
      if (endpoint.path.startsWith('/versions') && !versions) continue
      for (const path of toOpenApiPaths(prefix, endpoint.path)) routes.push(`${endpoint.method.toLowerCase()} ${path}`)
    }
  }
  add(api, config.endpoints, true)
  for (const collection of config.collections.filter(isDocumented))
    add(`${api}/${collection.slug}`, collection.endpoints, Boolean(collection.versions))
  for (const global of config.globals.filter(isDocumented)) add(`${api}/globals/${global.slug}`, global.endpoints, Boolean(global.versions))
  return routes
}

const operationsOf = (doc: OpenApiDocument): string[] =>
  Object.entries(doc.paths).flatMap(([path, item]) => HTTP_METHODS.filter((method) => item[method]).map((method) => `${method} ${path}`))

/** Resolves a local `$ref` (`#/a/b`) in the document. */
const resolve = (doc: unknown, pointer: string): unknown =>
  pointer
    .slice(2)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), doc)

const refsIn = (value: unknown, found: string[] = []): string[] => {
  if (Array.isArray(value)) value.forEach((item) => refsIn(item, found))
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') found.push(inner)
      else refsIn(inner, found)
    }
  }
  return found
}

/** Route handlers under src/app outside the generated (payload) group, with the methods they export. */
const appRouteHandlers = (): string[] => {
  const appDir = path.resolve('src/app')
  const found: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory() && entry.name !== '(payload)') walk(full)
      else if (/^route\.(ts|js)$/.test(entry.name)) {
        const route = path
          .relative(appDir, path.dirname(full))
          .split(path.sep)
          .filter((segment) => !/^\(.*\)$/.test(segment))
          .map((segment) => segment.replace(/^\[(.+)\]$/, '{$1}'))
          .join('/')
        const source = fs.readFileSync(full, 'utf8')
        for (const [, method] of source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD)\b/g)) {
          found.push(`${method.toLowerCase()} /${route}`)
        }
      }
    }
  }
  walk(appDir)
  return found
}

describe('the OpenAPI document built from the Payload config', () => {
  it('is valid OpenAPI 3.1 by the official schema, with every $ref resolving', async () => {
    expect(document.openapi).toBe('3.1.0')
    const result = await validate(document)
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    const dangling = [...new Set(refsIn(document))].filter((ref) => resolve(document, ref) === undefined)
    expect(dangling).toEqual([])
    // The schema cannot say this: operation ids are unique across the document.
    const ids = Object.values(document.paths).flatMap((item) => HTTP_METHODS.map((method) => item[method]?.operationId).filter(Boolean))
    expect(ids.length).toBe(operationsOf(document).length)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('is rejected by the validator when broken, so the check above can fail', async () => {
    const badParameter = structuredClone(document)
    // `in: body` was OpenAPI 2; 3.1 has no such parameter location.
    Object.assign(badParameter.paths['/api/anime/search'].get?.parameters?.[0] ?? {}, { in: 'body' })
    expect((await validate(badParameter)).valid).toBe(false)
    const noInfo: Partial<OpenApiDocument> = structuredClone(document)
    delete noInfo.info
    expect((await validate(noInfo)).valid).toBe(false)
  })

  it('has every route of the config: custom endpoints, auth, upload, globals, root', () => {
    const documented = new Set(operationsOf(document))
    const routes = configuredRoutes(ctx.config)
    expect(routes.length).toBeGreaterThan(100)
    expect(routes.filter((route) => !documented.has(route))).toEqual([])
    // The project's own endpoints by name, in case the enumeration above ever came back empty.
    for (const route of [
      'get /api/anime/search',
      'get /api/anime/suggest',
      'post /api/anime/{id}/view',
      'post /api/auth/register',
      'post /api/auth/login',
      'post /api/auth/refresh',
      'post /api/auth/logout',
      'post /api/auth/logout-all',
      'get /api/auth/sessions',
      'delete /api/auth/sessions/{id}',
      'get /api/auth/google',
      'get /api/auth/google/callback',
      'get /api/auth/vk',
      'post /api/auth/vk/link',
      'get /api/auth/vk/callback',
      'get /api/auth/yandex',
      'post /api/auth/yandex/link',
      'get /api/auth/yandex/callback',
      'post /api/auth/telegram',
      'post /api/auth/identities/telegram',
      'get /api/auth/identities',
      'delete /api/auth/identities/{provider}',
      'get /api/auth/2fa',
      'post /api/auth/2fa/enrol',
      'post /api/auth/2fa/confirm',
      'post /api/auth/2fa/verify',
      'post /api/auth/2fa/disable',
      'get /api/auth/verify-email',
      'get /api/users/me',
      'post /api/users/login',
      'get /api/media/file/{filename}',
      'get /api/openapi.json',
      'get /api/docs',
      'get /health',
      'get /ws',
      'get /metrics',
    ]) {
      expect(documented, route).toContain(route)
    }
  })

  it('lists list, create, and get/update/delete by id for every visible collection, and no hidden one', () => {
    const documented = new Set(operationsOf(document))
    const visible = ctx.config.collections.filter(isDocumented)
    expect(visible.map((collection) => collection.slug)).toEqual(
      expect.arrayContaining(['users', 'anime', 'articles', 'media', 'favorites']),
    )
    for (const { slug } of visible) {
      for (const operation of ['get', 'post', 'patch', 'delete'].map((method) => `${method} /api/${slug}`))
        expect(documented, operation).toContain(operation)
      for (const operation of ['get', 'patch', 'delete'].map((method) => `${method} /api/${slug}/{id}`))
        expect(documented, operation).toContain(operation)
      expect(documented).toContain(`get /api/${slug}/count`)
    }
    const paths = Object.keys(document.paths)
    for (const hidden of [
      'event-outbox',
      'auth-sessions',
      'auth-identities',
      'two-factor-credentials',
      'payload-preferences',
      'payload-jobs',
      'payload-locked-documents',
    ]) {
      expect(paths.filter((path) => path.startsWith(`/api/${hidden}`))).toEqual([])
    }
  })

  it('documents versions only where a collection has them', () => {
    const versioned = ctx.config.collections.filter((collection) => isDocumented(collection) && collection.versions)
    const unversioned = ctx.config.collections.filter((collection) => isDocumented(collection) && !collection.versions)
    expect(versioned.length).toBeGreaterThan(0)
    for (const { slug } of versioned) expect(document.paths[`/api/${slug}/versions`]?.get).toBeDefined()
    for (const { slug } of unversioned) expect(document.paths[`/api/${slug}/versions`]).toBeUndefined()
  })

  it('takes documentation from custom.openapi and describes every path parameter', () => {
    const search = document.paths['/api/anime/search'].get
    expect(search?.summary).toMatch(/search/i)
    expect(search?.parameters?.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['q', 'genre', 'kind', 'status', 'year', 'sort', 'page', 'limit']),
    )
    expect(document.paths['/api/auth/login'].post?.requestBody).toBeDefined()
    for (const [path, item] of Object.entries(document.paths)) {
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1])
      for (const method of HTTP_METHODS) {
        const declared = item[method]?.parameters?.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name) ?? []
        if (item[method]) expect(declared.sort(), `${method} ${path}`).toEqual([...names].sort())
      }
    }
  })

  it('offers the locales of the config and both security schemes', () => {
    const locale = document.paths['/api/anime'].get?.parameters?.find((parameter) => parameter.name === 'locale')
    expect(locale?.schema.enum).toEqual(expect.arrayContaining(['ru', 'en']))
    expect(Object.keys(document.components.securitySchemes).sort()).toEqual(['bearerAuth', 'payloadCookie'])
  })

  it('states the read caps (API_MAX_LIMIT, API_MAX_DEPTH) and the 400 that names the parameter', () => {
    for (const path of ['/api/anime', '/api/anime/versions']) {
      const parameters = document.paths[path].get?.parameters ?? []
      const schemaOf = (name: string) => parameters.find((parameter) => parameter.name === name)?.schema
      expect(schemaOf('limit'), path).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 })
      expect(schemaOf('page'), path).toMatchObject({ type: 'integer', minimum: 1 })
      expect(schemaOf('depth'), path).toMatchObject({ type: 'integer', minimum: 0, maximum: 3 })
    }
    expect(document.paths['/api/anime/{id}'].get?.parameters?.find((parameter) => parameter.name === 'depth')?.schema).toMatchObject({
      maximum: 3,
    })
    const refused = document.paths['/api/anime'].get?.responses['400']
    expect(refused?.description).toMatch(/names it in `field`/)
    expect(JSON.stringify(refused?.content)).toContain('#/components/schemas/Error')
    expect(JSON.stringify(document.components.schemas.Error)).toContain('"field"')
  })

  it('leaks no hidden or secret field', () => {
    const users = document.components.schemas.users as { properties: Record<string, unknown> }
    expect(Object.keys(users.properties)).toEqual(expect.arrayContaining(['id', 'email', 'name', 'roles']))
    const text = JSON.stringify(document)
    for (const secret of [
      '"hash"',
      '"salt"',
      'resetPasswordToken',
      'resetPasswordExpiration',
      '_verificationToken',
      'loginAttempts',
      'lockUntil',
      'itemKey',
      'refreshTokenHash',
    ]) {
      expect(text, secret).not.toContain(secret)
    }
    expect(users.properties.password).toBeUndefined()
    expect((document.components.schemas.users_write as { properties: Record<string, unknown> }).properties.password).toBeDefined()
  })

  it('lists every route handler under src/app in the registry, and the registry in the document', () => {
    const registered = NEXT_ROUTES.map((route) => `${route.method} ${route.path}`)
    expect(appRouteHandlers().filter((route) => !registered.includes(route))).toEqual([])
    const documented = new Set(operationsOf(document))
    expect(registered.filter((route) => !documented.has(route))).toEqual([])
  })
})

describe('the compiled server', () => {
  it('serves the same valid document at /api/openapi.json', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    const served = (await response.json()) as OpenApiDocument
    const result = await validate(served)
    expect(result.errors).toBeUndefined()
    // The running server's config is the same, plus what Next's REST route adds on first use
    // (Payload's GET /api/og): the document follows the config it is served from.
    const servedOperations = operationsOf(served)
    expect(operationsOf(document).filter((operation) => !servedOperations.includes(operation))).toEqual([])
    expect(servedOperations.filter((operation) => !operationsOf(document).includes(operation))).toEqual(['get /api/og'])
  })

  it('serves the docs page and only the whitelisted Swagger UI files, cacheable for good', async () => {
    const page = await fetch(`${server.url}/api/docs`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(await page.text()).toContain('swagger-ui-bundle.js')
    const bundle = await fetch(`${server.url}/api/docs/swagger-ui-bundle.js`)
    expect(bundle.status).toBe(200)
    expect(bundle.headers.get('content-type')).toMatch(/javascript/)
    expect(bundle.headers.get('cache-control')).toContain('immutable')
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000)
    const css = await fetch(`${server.url}/api/docs/swagger-ui.css`)
    expect(css.headers.get('content-type')).toMatch(/text\/css/)
    for (const name of ['package.json', 'index.html', '..%2Fpackage.json', 'swagger-ui.js.map']) {
      expect((await fetch(`${server.url}/api/docs/${name}`)).status, name).toBe(404)
    }
  })
})
