import type { Payload } from 'payload'
import type { Pool } from 'pg'

/**
 * node-postgres re-emits errors of idle clients on the pool; with no listener that is an
 * uncaught exception that kills the process when the database restarts. Log it instead: the
 * broken client is already discarded and the next query opens a new one.
 */
export const attachPoolErrorListener = (payload: Payload): void => {
  const pool = (payload.db as unknown as { pool?: Pool }).pool
  if (!pool || pool.listenerCount('error') > 0) return
  pool.on('error', (error: Error & { code?: string }) =>
    payload.logger.warn({ code: error.code, reason: error.message }, 'idle database connection failed; it was discarded'),
  )
}
