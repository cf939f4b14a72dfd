import type { Payload } from 'payload'

import { onShutdown } from '../runtime/shutdownTasks'
import { payloadPools } from './payloadPools'

/**
 * When the server shuts down, Payload's crons stop and its pools (primary and replicas) close:
 * the adapter's own destroy leaves the pools open, and the embedded database stopping under their
 * idle connections would log "terminating connection" for each.
 */
export const closePoolsOnShutdown = (payload: Payload): void => {
  onShutdown('payload', async () => {
    const pools = payloadPools(payload)
    await payload.destroy()
    await Promise.all(pools.map(({ pool }) => pool.end().catch(() => undefined)))
  })
}
