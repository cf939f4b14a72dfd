import type { Pool, PoolClient } from 'pg'

type PoolInternals = { _clients?: PoolClient[]; _idle?: { client: PoolClient }[] }
type ClientInternals = { activeQuery?: unknown; release?: (destroy?: boolean) => void }

/**
 * Ends a node-postgres pool without waiting forever for clients nobody will give back.
 * `pool.end()` resolves only once every checked-out client is released, and Payload's PostgreSQL
 * adapter checks one out when it connects (and one per read replica) and keeps it for good: it
 * only watches it for errors (db-postgres `connect.js`). At shutdown, when no request runs any
 * more, a checked-out client that is not running a query is such a leftover: it is handed back
 * (and closed, the pool ending). A client still running a query keeps it until it finishes.
 * Uses pg-pool's internal lists: there is no public way to see checked-out clients.
 */
export const endPool = async (pool: Pool): Promise<void> => {
  const ended = pool.end()
  const internals = pool as unknown as PoolInternals
  const idle = new Set((internals._idle ?? []).map(({ client }) => client))
  for (const client of internals._clients ?? []) {
    const held = client as unknown as ClientInternals
    if (idle.has(client) || held.activeQuery) continue
    try {
      held.release?.(true)
    } catch {
      // Released meanwhile by its owner: nothing left to do.
    }
  }
  await ended
}
