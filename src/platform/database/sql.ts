import type { sql } from '@payloadcms/db-postgres'
import type { Payload, PayloadRequest } from 'payload'
import type { Pool, PoolClient } from 'pg'

/**
 * Plain SQL next to Payload: the adapter's pool, a query helper, a transaction helper, and one
 * statement in the request's own transaction. The one place that knows the adapter's insides.
 */

/** A query function: rows of `text` run with `params`. Token checks, outbox rows and sweeps take one. */
export type SqlQuery = <Row extends Record<string, unknown>>(text: string, params: unknown[]) => Promise<Row[]>

/** The node-postgres pool of Payload's Postgres adapter (the primary's). */
export const payloadPool = (payload: Payload): Pool => (payload.db as unknown as { pool: Pool }).pool

/** A query function over a pool or one checked-out client. */
export const poolQuery =
  (pool: Pick<Pool, 'query'>): SqlQuery =>
  async <Row extends Record<string, unknown>>(text: string, params: unknown[]) =>
    (await pool.query(text, params)).rows as Row[]

/** Plain SQL over the adapter's own pool (outside any request transaction). */
export const databaseQuery = (payload: Payload): SqlQuery => poolQuery(payloadPool(payload))

/**
 * Runs `work` on one client of `pool` inside a transaction: committed when it returns, rolled back
 * when it throws. `begin` may set the transaction up further (read only, SET LOCAL …). A connection
 * that cannot roll back is not given back to the pool.
 */
export const withTransaction = async <T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
  { begin = 'BEGIN' }: { begin?: string } = {},
): Promise<T> => {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    await client.query(begin)
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError))
    throw error
  } finally {
    client.release(broken)
  }
}

/** Runs `work` in one transaction on the adapter's pool: a revocation and its outbox event commit together. */
export const databaseTransaction = <T>(payload: Payload, work: (query: SqlQuery) => Promise<T>): Promise<T> =>
  withTransaction(payloadPool(payload), (client) => work(poolQuery(client)))

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
