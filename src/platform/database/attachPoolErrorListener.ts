import type { Payload } from 'payload'

import { payloadPools } from './payloadPools'

/**
 * node-postgres re-emits errors of idle clients on the pool; with no listener that is an
 * uncaught exception that kills the process when the database (or a read replica) restarts. Log
 * it instead: the broken client is already discarded and the next query opens a new one.
 */
export const attachPoolErrorListener = (payload: Payload): void => {
  for (const { name, pool } of payloadPools(payload)) {
    if (pool.listenerCount('error') > 0) continue
    pool.on('error', (error: Error & { code?: string }) =>
      payload.logger.warn({ pool: name, code: error.code, reason: error.message }, 'idle database connection failed; it was discarded'),
    )
  }
}
