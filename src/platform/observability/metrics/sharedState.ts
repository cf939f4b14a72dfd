import type { PayloadRoutes } from './routeTemplate'

/** What a pool gauge reads: node-postgres's counters. */
export type PoolStats = { totalCount: number; idleCount: number; waitingCount: number }

type SharedState = {
  pools: Map<string, PoolStats>
  payloadRoutes?: PayloadRoutes
}

/**
 * Plain data shared by server.ts and Next's bundle, which each load their own copy of the app's
 * modules: Payload's side (its pool, its routes) is only known inside Next's bundle, the metrics
 * are served by server.ts. No prom-client here, so Payload's config needs none.
 */
export const observabilityState = (): SharedState =>
  ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.observability.state')] ??= { pools: new Map() }) as SharedState

/** Reports this pool's connections under `db_pool_*{pool="<name>"}` (the last one wins a name). */
export const registerPool = (name: string, pool: PoolStats): void => {
  observabilityState().pools.set(name, pool)
}

export const unregisterPool = (name: string, pool: PoolStats): void => {
  const state = observabilityState()
  if (state.pools.get(name) === pool) state.pools.delete(name)
}

export const registerPayloadRoutes = (routes: PayloadRoutes): void => {
  observabilityState().payloadRoutes = routes
}
