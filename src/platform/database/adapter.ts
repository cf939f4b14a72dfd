import type { DatabaseAdapterObj } from 'payload'

import { postgresAdapter } from '@payloadcms/db-postgres'

import type { DatabaseConfig } from '../config/database'
import { withAfterCommitCallbacks } from './afterCommit'
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
 */
export const databaseAdapter = ({
  url,
  readReplicaUrls = [],
  pool,
  timeouts,
  debug,
  migrationDir,
}: {
  url: string
  readReplicaUrls?: string[]
  pool: DatabaseConfig['pool']
  timeouts: DatabaseConfig['timeouts']
  debug: boolean
  migrationDir: string
}): DatabaseAdapterObj =>
  withUnavailabilityErrors(
    withAfterCommitCallbacks(
      withEmptyDeleteOne(
        postgresAdapter({
          pool: {
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
      ),
    ),
  )
