import type { Endpoint, Plugin, SanitizedConfig } from 'payload'
import type { Pool } from 'pg'

import { registerPayloadRoutes, registerPool } from './metrics/sharedState'
import type { EndpointRoute, PayloadRoutes } from './metrics/routeTemplate'

const routesOf = (endpoints: false | Omit<Endpoint, 'root'>[] | undefined): EndpointRoute[] =>
  (endpoints || []).map((endpoint) => ({ method: endpoint.method.toLowerCase(), path: endpoint.path }))

/** The REST routes of the sanitized config, defaults included, in the order Payload tries them. */
export const payloadRoutesOf = (config: SanitizedConfig): PayloadRoutes => ({
  apiRoute: config.routes.api,
  root: routesOf(config.endpoints),
  collections: config.collections.map((collection) => ({ slug: collection.slug, endpoints: routesOf(collection.endpoints) })),
  globals: config.globals.map((global) => ({ slug: global.slug, endpoints: routesOf(global.endpoints) })),
})

/**
 * Hands server.ts's metrics what only Payload knows, once Payload is up: its pg pool (gauges
 * labelled pool="payload") and its routes (the `route` label's templates).
 */
export const observabilityPlugin = (): Plugin => (config) => ({
  ...config,
  onInit: async (payload) => {
    const pool = (payload.db as unknown as { pool?: Pool }).pool
    if (pool) registerPool('payload', pool)
    registerPayloadRoutes(payloadRoutesOf(payload.config))
    await config.onInit?.(payload)
  },
})
