import { errorResponse, json } from './commonSchemas'
import type { EndpointDocumentation, HttpMethod } from './types'

/** A route served outside Payload's endpoints: a Next route handler or the custom server. */
export type RegisteredRoute = {
  method: HttpMethod
  /** OpenAPI form: `{param}`. */
  path: string
  /** Where it is served from, for whoever keeps this list in step. */
  source: string
  openapi: EndpointDocumentation
}

const healthReport = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'degraded', 'error'] },
    checks: { type: 'object', additionalProperties: true },
  },
  required: ['status'],
}

const avatarFile = (method: HttpMethod): RegisteredRoute => ({
  method,
  path: '/media/avatars/{filename}',
  source: 'src/app/media/avatars/[filename]/route.ts',
  openapi: {
    tags: ['media'],
    summary: method === 'head' ? 'Headers of an avatar image' : 'An avatar image',
    description: 'Served through Payload (local disk or S3, read access applied); cached for a year, since every upload gets a new name.',
    parameters: [{ name: 'filename', in: 'path', required: true, schema: { type: 'string' } }],
    responses: {
      '200': { description: 'The image.', content: { 'image/*': { schema: { type: 'string', format: 'binary' } } } },
      '400': errorResponse('Invalid file name.'),
      '404': errorResponse('No avatar has this file.'),
    },
    security: [],
  },
})

/**
 * Routes that are not Payload endpoints, so the document lists them from here. The API docs test
 * checks this list against the route handlers under src/app (outside the generated (payload) group).
 */
export const NEXT_ROUTES: RegisteredRoute[] = [
  {
    method: 'get',
    path: '/health',
    source: 'src/app/health/route.ts',
    openapi: {
      tags: ['system'],
      summary: 'Liveness and readiness',
      description: '200 while the database answers, 503 when it does not. Never cached.',
      responses: {
        '200': { description: 'Healthy.', content: json(healthReport) },
        '503': { description: 'The database does not answer.', content: json(healthReport) },
      },
      security: [],
    },
  },
  avatarFile('get'),
  avatarFile('head'),
  {
    method: 'post',
    path: '/api/graphql',
    source: 'src/app/(payload)/api/graphql/route.ts',
    openapi: {
      tags: ['graphql'],
      summary: 'GraphQL',
      description:
        "Payload's GraphQL API (the same collections and access rules, plus `searchAnime`). Introspection and the playground are off in production.",
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          properties: { query: { type: 'string' }, variables: { type: 'object' }, operationName: { type: 'string' } },
          required: ['query'],
        }),
      },
      responses: {
        '200': {
          description: 'GraphQL result (errors are reported in `errors`).',
          content: json({ type: 'object', properties: { data: {}, errors: { type: 'array', items: { type: 'object' } } } }),
        },
      },
    },
  },
  {
    method: 'get',
    path: '/ws',
    source: 'server.ts',
    openapi: {
      tags: ['realtime'],
      summary: 'WebSocket of session events',
      description:
        'Upgrade to a WebSocket (served by server.ts), authenticated with the access token as `?token=` or in a first message `{"type":"auth","token":"…"}`; the server sends `{"type":"ready"}`, then `{"type":"session.revoked","reason":…}` when the session ends. Close code 4401: no valid token in time, or the session was revoked.',
      parameters: [
        { name: 'token', in: 'query', description: 'The access token (or send it in an auth message).', schema: { type: 'string' } },
      ],
      responses: { '101': { description: 'Switching to the WebSocket protocol.' } },
    },
  },
  {
    method: 'get',
    path: '/metrics',
    source: 'server.ts',
    openapi: {
      tags: ['operations'],
      summary: 'Prometheus metrics of this instance',
      description:
        'Prometheus text format (request durations by route template, database pools, response cache, outbox backlog, events published/failed, WebSocket connections, process). When METRICS_TOKEN is set, send it as `Authorization: Bearer <token>`; without it or with a wrong one the answer is 401.',
      security: [{ bearerAuth: [] }],
      responses: {
        '200': { description: 'The metrics.', content: { 'text/plain': { schema: { type: 'string' } } } },
        '401': { description: 'METRICS_TOKEN is set and the request did not carry it.' },
      },
    },
  },
]
