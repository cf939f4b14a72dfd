import type { PoolConfig } from 'pg'

import type { DatabaseConfig } from '../config/database'

/** How much longer the client waits than the server's own statement timeout before giving up. */
const CLIENT_GRACE_MS = 1_000

/**
 * node-postgres options that bound every wait on the database (the same for every pool: Payload's,
 * its replicas', the session checks', the relay's, the worker's):
 * - `connectionTimeoutMillis`: opening a connection, and waiting for a free one in a full pool;
 * - `statement_timeout`: the server cancels a statement running longer;
 * - `query_timeout`: the client stops waiting for an answer that never comes (a partitioned or
 *   hung server never sends the cancellation either).
 * A bound of 0 is left out: no limit.
 */
export const poolTimeoutOptions = ({ connectMs, statementMs }: DatabaseConfig['timeouts']): PoolConfig => ({
  ...(connectMs > 0 ? { connectionTimeoutMillis: connectMs } : {}),
  ...(statementMs > 0 ? { statement_timeout: statementMs, query_timeout: statementMs + CLIENT_GRACE_MS } : {}),
})
