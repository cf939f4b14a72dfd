import pg from 'pg'

/**
 * One round trip on a fresh connection, bounded by `timeoutMs` (connect and query alike): the
 * outage monitor's question "does the database answer now?". A fresh connection, because pooled
 * ones may be the broken ones, and the pool may be full of requests waiting for them.
 */
export const createDatabaseProbe =
  (connectionString: string, timeoutMs = 2_000) =>
  async (): Promise<void> => {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs })
    client.on('error', () => undefined)
    try {
      await client.connect()
      await client.query('select 1')
    } finally {
      // Never wait for a goodbye a partitioned server will not answer.
      void client.end().catch(() => undefined)
    }
  }
