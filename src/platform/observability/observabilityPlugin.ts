import type { Endpoint, Plugin, SanitizedConfig } from 'payload'

import { payloadPools } from '../database/payloadPools'
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
 * Hands server.ts's metrics what only Payload knows, once Payload is up: its pg pools (gauges
 * labelled pool="payload", and "payload-replica-N" per read replica) and its routes (the `route`
 * label's templates).
 */
export const observabilityPlugin = (): Plugin => (config) => ({
  ...config,
  onInit: async (payload) => {
    for (const { name, pool } of payloadPools(payload)) registerPool(name === 'primary' ? 'payload' : `payload-${name}`, pool)
    registerPayloadRoutes(payloadRoutesOf(payload.config))
    await config.onInit?.(payload)
  },
})
