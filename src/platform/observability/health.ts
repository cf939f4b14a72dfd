import type { Redis } from 'ioredis'
import type { Payload } from 'payload'
import type { Pool, QueryConfig } from 'pg'

import { payloadPool } from '../database/sql'

export type CheckStatus = 'ok' | 'error'
export type HealthReport = {
  status: 'ok' | 'degraded' | 'error'
  checks: Record<string, { status: CheckStatus; latencyMs: number; error?: string }>
}

const DATABASE_CHECK_TIMEOUT_MS = 2_500
/** Redis answers in well under a millisecond here; a slow answer is as good as none for a cache. */
const REDIS_CHECK_TIMEOUT_MS = 500

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

const timed = async (check: () => Promise<void>, timeoutMs = DATABASE_CHECK_TIMEOUT_MS, what = 'database') => {
  const started = performance.now()
  try {
    await withTimeout(check(), timeoutMs, what)
    return { status: 'ok' as const, latencyMs: Math.round(performance.now() - started) }
  } catch (error) {
    return {
      status: 'error' as const,
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    }
  }
}

/** A PING on the process's shared connection, and every other watched connection up. */
const pingRedis = async (redis: Redis, connectionsDown: () => string[]): Promise<void> => {
  if (redis.status !== 'ready') throw new Error(`Redis connection is ${redis.status}`)
  await redis.ping()
  const down = connectionsDown()
  if (down.length > 0) throw new Error(`Redis connections down: ${down.join(', ')}`)
}

/**
 * The health report. The database is required: without it the service cannot work (503). Redis
 * (when configured) degrades: reads go uncached and fan-out waits, but the service works (200).
 */
export const buildHealthReport = async (
  getPayload: () => Promise<Payload>,
  redis?: { client: Redis; connectionsDown: () => string[] },
): Promise<HealthReport> => {
  const [database, redisCheck] = await Promise.all([
    timed(() =>
      pingDatabase(async () => {
        const payload = await getPayload()
        return payloadPool(payload)
      }),
    ),
    redis ? timed(() => pingRedis(redis.client, redis.connectionsDown), REDIS_CHECK_TIMEOUT_MS, 'redis') : undefined,
  ])
  const status = database.status !== 'ok' ? 'error' : redisCheck && redisCheck.status !== 'ok' ? 'degraded' : 'ok'
  return { status, checks: { database, ...(redisCheck ? { redis: redisCheck } : {}) } }
}
