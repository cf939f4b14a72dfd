import type { PayloadRequest } from 'payload'
import type { sql } from '@payloadcms/db-postgres'

type SQL = ReturnType<typeof sql>
type Executor = { execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }> }
type DrizzleAdapter = { drizzle: Executor; sessions?: Record<string | number, { db?: Executor } | undefined> }

/**
 * Runs one SQL statement in the request's database transaction (the one Payload opened for the
 * operation, as db-postgres's own `getTransaction` does), or on the pool when there is none.
 */
export const requestSql = async (req: PayloadRequest, query: SQL): Promise<Record<string, unknown>[]> => {
  const adapter = req.payload.db as unknown as DrizzleAdapter
  const transactionID = req.transactionID ? await req.transactionID : undefined
  const executor = (transactionID !== undefined && adapter.sessions?.[transactionID]?.db) || adapter.drizzle
  const result = await executor.execute(query)
  return result.rows
}
