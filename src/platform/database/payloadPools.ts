import type { Payload } from 'payload'
import type { Pool } from 'pg'

type ReplicaDatabase = { $client?: Pool }

/**
 * The node-postgres pools behind Payload's adapter: the primary, then one per read replica (the
 * adapter keeps those only inside drizzle's `withReplicas` wrapper, as `$replicas[].$client`).
 */
export const payloadPools = (payload: Payload): { name: string; pool: Pool }[] => {
  const db = payload.db as unknown as { pool?: Pool; drizzle?: { $replicas?: ReplicaDatabase[] } }
  const replicas = (db.drizzle?.$replicas ?? [])
    .map((replica, index) => ({ name: `replica-${index + 1}`, pool: replica.$client }))
    .filter((entry): entry is { name: string; pool: Pool } => Boolean(entry.pool))
  return [...(db.pool ? [{ name: 'primary', pool: db.pool }] : []), ...replicas]
}
