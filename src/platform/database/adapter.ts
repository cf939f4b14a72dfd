import type { DatabaseAdapterObj } from 'payload'

import { postgresAdapter } from '@payloadcms/db-postgres'

import type { DatabaseConfig } from '../config/database'
import { withAfterCommitCallbacks } from './afterCommit'
import { withBuiltQueryMemo } from './withBuiltQueryMemo'
import { withCountCache } from './withCountCache'
import { poolTimeoutOptions } from './poolTimeouts'
import { READ_AFTER_WRITE_MS } from './readAfterWrite'
import { withEmptyDeleteOne } from './withEmptyDeleteOne'
import { withUnavailabilityErrors } from './withUnavailabilityErrors'

/**
 * PostgreSQL through one node-postgres pool. SQLAlchemy-style settings map as follows:
 * size + overflow -> `max`; recycle -> `maxLifetimeSeconds`; pre-ping -> TCP keep-alive and a
 * short idle timeout (node-postgres has no checkout ping), so dead sockets are dropped early.
 * Every wait is bounded (poolTimeoutOptions) and an unreachable database is a 503, not a 500.
 * A delete that matches nothing is a 404, not a 500 (withEmptyDeleteOne).
 * With `leanReads` (LEAN_READS, on by default; off reproduces the read path as it was):
 * - no parallel query plans on Payload's connections: for a 20-row list page PostgreSQL planned a
 *   Gather Merge over 2 workers (the estimated cost of the per-row array/relationship joins over
 *   100k rows), whose start-up took ~15-20 ms of a 22 ms page query against 5 ms without; under
 *   concurrent requests the workers only take CPU from the other requests;
 * - `count(*)` for `totalDocs` served from an exact per-process cache (withCountCache);
 * - the SQL of each find built once and run again for the same find (withBuiltQueryMemo).
 */
export const databaseAdapter = ({
  url,
  readReplicaUrls = [],
  pool,
  timeouts,
  debug,
  migrationDir,
  leanReads,
}: {
  url: string
  readReplicaUrls?: string[]
  pool: DatabaseConfig['pool']
  timeouts: DatabaseConfig['timeouts']
  debug: boolean
  migrationDir: string
  leanReads: boolean
}): DatabaseAdapterObj =>
  withUnavailabilityErrors(
    withAfterCommitCallbacks(
      withEmptyDeleteOne(
        withBuiltQueryMemo(
          withCountCache(
            postgresAdapter({
              pool: {
                ...(leanReads ? { options: '-c max_parallel_workers_per_gather=0' } : {}),
                connectionString: url,
                max: pool.size + pool.maxOverflow,
                maxLifetimeSeconds: pool.recycleSeconds || undefined,
                idleTimeoutMillis: pool.prePing ? 30_000 : 10 * 60_000,
                keepAlive: pool.prePing,
                // Replicas get the same options (the adapter copies them).
                ...poolTimeoutOptions(timeouts),
              },
              // Reads go to the replicas (if any); each instance reads from the primary for a moment after
              // its own writes, other instances may not (the response cache allows for that).
              ...(readReplicaUrls.length > 0
                ? {
                    readReplicas: readReplicaUrls,
                    readReplicasAfterWriteInterval: READ_AFTER_WRITE_MS,
                  }
                : {}),
              // Schema changes only ever come from committed migrations.
              push: false,
              migrationDir,
              logger: debug,
            }),
            { enabled: leanReads },
          ),
          { enabled: leanReads },
        ),
      ),
    ),
  )
