import type { SanitizedConfig } from 'payload'

import { GRAPHQL_POST, REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

type Init = RequestInit & { token?: string }

export type RestClient = {
  get: (path: string, init?: Init) => Promise<Response>
  post: (path: string, init?: Init) => Promise<Response>
  patch: (path: string, init?: Init) => Promise<Response>
  delete: (path: string, init?: Init) => Promise<Response>
  graphql: (query: string, init?: Init, variables?: Record<string, unknown>) => Promise<Response>
  /** Logs in through REST and remembers nothing: returns the JWT for `token`. */
  login: (email: string, password: string) => Promise<string>
}

type Handler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>

/**
 * Calls Payload's real REST and GraphQL route handlers with real `Request` objects, the way
 * Payload's own integration tests do (`NextRESTClient`): everything but the socket is exercised.
 */
export const createRestClient = (config: SanitizedConfig, origin = 'http://localhost:3000'): RestClient => {
  const send =
    (handler: Handler) =>
    (path: string, { token, headers, ...init }: Init = {}) => {
      const url = new URL(`/api${path}`, origin)
      const slug = url.pathname
        .replace(/^\/api\/?/, '')
        .split('/')
        .filter(Boolean)
      const allHeaders = new Headers(headers)
      if (token) allHeaders.set('Authorization', `JWT ${token}`)
      return handler(new Request(url, { ...init, headers: allHeaders }), { params: Promise.resolve({ slug }) })
    }
  const configPromise = Promise.resolve(config)
  const client: RestClient = {
    get: send(REST_GET(configPromise) as Handler),
    post: send(REST_POST(configPromise) as Handler),
    patch: send(REST_PATCH(configPromise) as Handler),
    delete: send(REST_DELETE(configPromise) as Handler),
    graphql: (query, init = {}, variables) =>
      send(GRAPHQL_POST(configPromise) as unknown as Handler)('/graphql', {
        ...init,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) },
        body: JSON.stringify(variables ? { query, variables } : { query }),
      }),
    login: async (email, password) => {
      const response = await client.post('/users/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
      const body = (await response.json()) as { token?: string }
      if (!body.token) throw new Error(`login failed with ${response.status}`)
      return body.token
    },
  }
  return client
}
