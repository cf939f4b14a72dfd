import type { Payload } from 'payload'
import type { Pool, QueryConfig } from 'pg'

export type CheckStatus = 'ok' | 'error'
export type HealthReport = {
  status: 'ok' | 'degraded' | 'error'
  checks: Record<string, { status: CheckStatus; latencyMs: number; error?: string }>
}

const DATABASE_CHECK_TIMEOUT_MS = 2_500

const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** A query that needs the schema too, not just a live server: `users` must exist. */
const pingDatabase = async (getPool: () => Promise<Pool>): Promise<void> => {
  const pool = await getPool()
  // node-postgres honours a per-query `query_timeout` (lib/client.js) though its types omit it.
  const query: QueryConfig & { query_timeout: number } = {
    text: 'select 1 from users limit 1',
    query_timeout: DATABASE_CHECK_TIMEOUT_MS,
  }
  await pool.query(query)
}

const timed = async (check: () => Promise<void>) => {
  const started = performance.now()
  try {
    await withTimeout(check(), DATABASE_CHECK_TIMEOUT_MS, 'database')
    return { status: 'ok' as const, latencyMs: Math.round(performance.now() - started) }
  } catch (error) {
    return {
      status: 'error' as const,
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    }
  }
}

/** The health report: the database is required; later checks (Redis, broker, storage) degrade. */
export const buildHealthReport = async (getPayload: () => Promise<Payload>): Promise<HealthReport> => {
  const database = await timed(() =>
    pingDatabase(async () => {
      const payload = await getPayload()
      return (payload.db as unknown as { pool: Pool }).pool
    }),
  )
  return {
    status: database.status === 'ok' ? 'ok' : 'error',
    checks: { database },
  }
}
