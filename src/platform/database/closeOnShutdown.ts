import type { Payload } from 'payload'

import { onShutdown } from '../runtime/shutdownTasks'
import { endPool } from './endPool'
import { payloadPools } from './payloadPools'

/**
 * When the server shuts down, Payload's crons stop and its pools (primary and replicas) close:
 * the adapter's own destroy leaves the pools open, and the embedded database stopping under their
 * idle connections would log "terminating connection" for each. endPool also gives back the client
 * the adapter holds from its start, without which this waited forever (the server's 3 s step limit).
 */
export const closePoolsOnShutdown = (payload: Payload): void => {
  onShutdown('payload', async () => {
    const pools = payloadPools(payload)
    await payload.destroy()
    await Promise.all(pools.map(({ pool }) => endPool(pool).catch(() => undefined)))
  })
}
