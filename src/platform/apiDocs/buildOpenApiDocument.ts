import type { Endpoint, SanitizedCollectionConfig, SanitizedConfig } from 'payload'

import { COLLECTION_OPERATIONS, documentSchemaName, writeSchemaName } from './collectionOperations'
import { commonSchemas, json, ref } from './commonSchemas'
import { payloadComponentSchemas, reachableSchemas } from './componentSchemas'
import { isDocumented } from './documentedEntities'
import { buildOperation, endpointDocumentation, HTTP_METHODS, toOpenApiPaths } from './endpointOperations'
import { GLOBAL_OPERATIONS } from './globalOperations'
import { NEXT_ROUTES } from './routeRegistry'
import type { HttpMethod, JsonSchema, OpenApiDocument, OperationObject } from './types'

/** Payload's built-in root routes (`/og` is added by Next's REST route on its first request). */
const ROOT_OPERATIONS: Record<string, Omit<OperationObject, 'tags' | 'operationId'>> = {
  'get /access': {
    summary: 'What the current user may do, per collection and global',
    responses: { '200': { description: 'Permissions.', content: json({ type: 'object' }) } },
  },
  'get /og': {
    summary: "Open Graph image of an admin panel page (Payload's link previews)",
    security: [],
    responses: { '200': { description: 'A PNG image.', content: { 'image/png': { schema: { type: 'string', format: 'binary' } } } } },
  },
}

/** Set by the server on the document's properties: never sent, so not part of what a write takes. */
const SERVER_SET = ['id', 'createdAt', 'updatedAt', 'collection']

type Properties = Record<string, JsonSchema>

/** What a read returns: the generated document minus the write-only `password` of auth collections. */
const readSchema = (schema: JsonSchema): JsonSchema => {
  const { password: _password, ...properties } = (schema.properties ?? {}) as Properties
  const required = ((schema.required ?? []) as string[]).filter((name) => name !== 'password')
  return { ...schema, properties, required }
}

/** What a create or update sends: every field optional (an update is partial), server-set ones left out. */
const writeSchema = (schema: JsonSchema, collection: SanitizedCollectionConfig): JsonSchema => {
  const customId = collection.flattenedFields.some((field) => field.name === 'id')
  const properties = Object.fromEntries(
    Object.entries((schema.properties ?? {}) as Properties).filter(([name]) => !SERVER_SET.includes(name) || (name === 'id' && customId)),
  )
  if (collection.auth) properties.password = { type: 'string', format: 'password', writeOnly: true }
  const { required: _required, title, ...rest } = schema
  return { ...rest, title: `${String(title ?? collection.slug)} (write)`, properties }
}

const methodOf = (endpoint: Endpoint): HttpMethod | undefined => {
  const method = endpoint.method.toLowerCase() as HttpMethod
  return HTTP_METHODS.includes(method) ? method : undefined
}

/** Adds an operation unless the path already has one for the method: Payload runs the first match. */
const addOperation = (paths: OpenApiDocument['paths'], path: string, method: HttpMethod, operation: OperationObject): void => {
  paths[path] ??= {}
  if (!paths[path][method]) paths[path][method] = operation
}

/**
 * The OpenAPI 3.1 document of the whole REST API, derived from the sanitized Payload config: every
 * visible collection and global with the routes Payload really serves for it (auth, upload and
 * version routes only where enabled), every custom endpoint (documented by its `custom.openapi`,
 * or generically), and the routes outside Payload from NEXT_ROUTES.
 */
export const buildOpenApiDocument = async (config: SanitizedConfig): Promise<OpenApiDocument> => {
  const api = config.routes.api
  const generated = payloadComponentSchemas(config)
  const schemas = { ...(await generated), ...commonSchemas() }
  const paths: OpenApiDocument['paths'] = {}
  const tags = new Map<string, string | undefined>()

  for (const collection of config.collections.filter(isDocumented)) {
    const name = documentSchemaName(collection.slug)
    schemas[writeSchemaName(collection.slug)] = writeSchema(schemas[name], collection)
    schemas[name] = readSchema(schemas[name])
    tags.set(
      collection.slug,
      `The ${collection.slug} collection${collection.auth ? ' (auth)' : ''}${collection.upload ? ' (uploads)' : ''}.`,
    )
    for (const endpoint of collection.endpoints || []) {
      const method = methodOf(endpoint)
      if (!method) continue
      // Payload adds the version routes to every collection; without versions they have nothing to serve.
      if (endpoint.path.startsWith('/versions') && !collection.versions) continue
      const builtIn = COLLECTION_OPERATIONS[`${method} ${endpoint.path}`]?.({ collection, config })
      for (const path of toOpenApiPaths(`${api}/${collection.slug}`, endpoint.path)) {
        addOperation(
          paths,
          path,
          method,
          buildOperation({ method, path, tag: collection.slug, builtIn, documented: endpointDocumentation(endpoint) }),
        )
      }
    }
  }

  for (const global of config.globals.filter(isDocumented)) {
    const tag = `globals/${global.slug}`
    tags.set(tag, `The ${global.slug} global.`)
    for (const endpoint of global.endpoints || []) {
      const method = methodOf(endpoint)
      if (!method) continue
      if (endpoint.path.startsWith('/versions') && !global.versions) continue
      const builtIn = GLOBAL_OPERATIONS[`${method} ${endpoint.path}`]?.({ global, config })
      for (const path of toOpenApiPaths(`${api}/globals/${global.slug}`, endpoint.path)) {
        addOperation(paths, path, method, buildOperation({ method, path, tag, builtIn, documented: endpointDocumentation(endpoint) }))
      }
    }
  }

  for (const endpoint of config.endpoints || []) {
    const method = methodOf(endpoint)
    if (!method) continue
    const builtIn = ROOT_OPERATIONS[`${method} ${endpoint.path}`]
    const tag = endpoint.path.split('/').filter(Boolean)[0] ?? 'root'
    for (const path of toOpenApiPaths(api, endpoint.path)) {
      addOperation(paths, path, method, buildOperation({ method, path, tag, builtIn, documented: endpointDocumentation(endpoint) }))
    }
  }

  for (const route of NEXT_ROUTES) {
    addOperation(
      paths,
      route.path,
      route.method,
      buildOperation({ method: route.method, path: route.path, tag: 'system', documented: route.openapi }),
    )
  }

  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item)) for (const tag of operation?.tags ?? []) if (!tags.has(tag)) tags.set(tag, undefined)
  }

  const sortedPaths = Object.fromEntries(
    Object.keys(paths)
      .sort()
      .map((path) => [path, paths[path]]),
  )
  return {
    openapi: '3.1.0',
    info: {
      title: 'Kitsu & FrankenJet API',
      version: '1.0.0',
      description:
        'REST API of the Kitsu anime catalog and the FrankenJet aviation encyclopedia, generated from the Payload config. ' +
        'Sign in with `POST /api/auth/login` and send the access token as `Authorization: Bearer <token>`; ' +
        "the admin panel's Payload cookie works too.",
    },
    tags: [...tags].sort(([a], [b]) => a.localeCompare(b)).map(([name, description]) => (description ? { name, description } : { name })),
    // Anonymous access is allowed wherever the collection's access rules allow it.
    security: [{}, { bearerAuth: [] }, { payloadCookie: [] }],
    paths: sortedPaths,
    components: {
      schemas: reachableSchemas([sortedPaths, ref('Error')], schemas),
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'The access token from /api/auth/login, /api/auth/register or /api/auth/refresh.',
        },
        payloadCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: `${config.cookiePrefix}-token`,
          description: "Payload's HttpOnly session cookie (set by /api/users/login, used by the admin panel).",
        },
      },
    },
  }
}
