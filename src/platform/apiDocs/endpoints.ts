import type { Endpoint, SanitizedConfig } from 'payload'

import { buildOpenApiDocument } from './buildOpenApiDocument'
import { docsInitScript, docsPageHtml } from './docsPage'
import type { OpenApiDocument } from './types'
import { readSwaggerUiAsset, SWAGGER_UI_ASSETS, swaggerUiVersion } from './swaggerUiAssets'

/** The config does not change while a process runs: the document is built once per config. */
const documents = new WeakMap<SanitizedConfig, Promise<OpenApiDocument>>()

export const openApiDocumentFor = (config: SanitizedConfig): Promise<OpenApiDocument> => {
  let document = documents.get(config)
  if (!document) {
    document = buildOpenApiDocument(config)
    document.catch(() => documents.delete(config))
    documents.set(config, document)
  }
  return document
}

const IMMUTABLE = 'public, max-age=31536000, immutable'
const notFound = (): Response => Response.json({ errors: [{ message: 'Not Found' }] }, { status: 404 })

/** Public: they describe an API whose access rules are enforced route by route, and hide no secret. */
export const apiDocsEndpoints: Endpoint[] = [
  {
    path: '/openapi.json',
    method: 'get',
    custom: {
      openapi: {
        tags: ['docs'],
        summary: 'This OpenAPI document',
        security: [],
        responses: { '200': { description: 'OpenAPI 3.1 JSON.' } },
      },
    },
    handler: async (req) =>
      Response.json(await openApiDocumentFor(req.payload.config), { headers: { 'Cache-Control': 'public, max-age=300' } }),
  },
  {
    path: '/docs',
    method: 'get',
    custom: {
      openapi: { tags: ['docs'], summary: 'Swagger UI for this API', security: [], responses: { '200': { description: 'An HTML page.' } } },
    },
    handler: async (req) =>
      new Response(docsPageHtml({ api: req.payload.config.routes.api, version: await swaggerUiVersion() }), {
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' },
      }),
  },
  {
    path: '/docs/:asset',
    method: 'get',
    custom: {
      openapi: {
        tags: ['docs'],
        summary: "Swagger UI's files (a fixed list)",
        security: [],
        parameters: [
          { name: 'asset', in: 'path', required: true, schema: { type: 'string', enum: ['init.js', ...Object.keys(SWAGGER_UI_ASSETS)] } },
        ],
        responses: { '200': { description: 'The file.' }, '404': { description: 'Not one of the files.' } },
      },
    },
    handler: async (req) => {
      const name = String(req.routeParams?.asset ?? '')
      if (name === 'init.js') {
        return new Response(docsInitScript({ api: req.payload.config.routes.api }), {
          headers: { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' },
        })
      }
      const file = readSwaggerUiAsset(name)
      if (!file) return notFound()
      return new Response(new Uint8Array(await file), {
        headers: { 'Content-Type': SWAGGER_UI_ASSETS[name], 'Cache-Control': IMMUTABLE, 'X-Content-Type-Options': 'nosniff' },
      })
    },
  },
]
