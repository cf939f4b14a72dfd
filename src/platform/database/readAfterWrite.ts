/**
 * With read replicas, how long after a write Payload keeps reading from the primary (the adapter's
 * `readReplicasAfterWriteInterval`, per instance), and how long the response cache keeps from
 * saving what other instances read of a changed collection (they may read from a replica that has
 * not replayed the change yet). Replication lag beyond this can still show stale data.
 */
export const READ_AFTER_WRITE_MS = 2_000
