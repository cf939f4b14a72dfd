import type { DatabaseAdapterObj } from "payload";

import { postgresAdapter } from "@payloadcms/db-postgres";

import type { DatabaseConfig } from "../config/database";
import { withAfterCommitCallbacks } from "./afterCommit";

/**
 * PostgreSQL through one node-postgres pool. SQLAlchemy-style settings map as follows:
 * size + overflow -> `max`; recycle -> `maxLifetimeSeconds`; pre-ping -> TCP keep-alive and a
 * short idle timeout (node-postgres has no checkout ping), so dead sockets are dropped early.
 */
export const databaseAdapter = ({
  url,
  readReplicaUrls = [],
  pool,
  debug,
  migrationDir,
}: {
  url: string;
  readReplicaUrls?: string[];
  pool: DatabaseConfig["pool"];
  debug: boolean;
  migrationDir: string;
}): DatabaseAdapterObj =>
  withAfterCommitCallbacks(
    postgresAdapter({
      pool: {
        connectionString: url,
        max: pool.size + pool.maxOverflow,
        maxLifetimeSeconds: pool.recycleSeconds || undefined,
        idleTimeoutMillis: pool.prePing ? 30_000 : 10 * 60_000,
        keepAlive: pool.prePing,
        connectionTimeoutMillis: 5_000,
      },
      // Reads go to the replicas (if any); each instance reads its own writes from the primary
      // for the next 2 s (Payload's readReplicasAfterWriteInterval), other instances may not.
      ...(readReplicaUrls.length > 0 ? { readReplicas: readReplicaUrls } : {}),
      // Schema changes only ever come from committed migrations.
      push: false,
      migrationDir,
      logger: debug,
    }),
  );
