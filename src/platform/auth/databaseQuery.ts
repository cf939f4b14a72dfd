import type { Payload } from 'payload'
import type { Pool } from 'pg'

import { poolQuery, type SqlQuery } from './tokens/sessionStore'

/** Plain SQL over the Postgres adapter's own pool (outside any request transaction). */
export const databaseQuery = (payload: Payload): SqlQuery => poolQuery((payload.db as unknown as { pool: Pool }).pool)

/** Runs `work` in one transaction on the adapter's pool: a revocation and its outbox event commit together. */
export const databaseTransaction = async <T>(payload: Payload, work: (query: SqlQuery) => Promise<T>): Promise<T> => {
  const client = await (payload.db as unknown as { pool: Pool }).pool.connect()
  try {
    await client.query('BEGIN')
    const result = await work(poolQuery(client))
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  } finally {
    client.release()
  }
}
