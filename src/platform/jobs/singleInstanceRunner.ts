import pg from 'pg'

import { onShutdown } from '../runtime/shutdownTasks'

/** `pg_try_advisory_lock` key of the job runner ("kjob"); advisory locks are per database. */
export const JOB_RUNNER_LOCK_KEY = 0x6b6a6f62

/** Connecting for, and asking for, the lock: a tick that cannot get an answer by then is skipped. */
const LOCK_TIMEOUT_MS = 5_000

export type SingleInstanceRunner = {
  /** True while this process holds the lock: it, and no other instance, runs the queued jobs. */
  shouldRun: (connectionString: string) => Promise<boolean>
  close: () => Promise<void>
}

/**
 * Payload's job runner claims jobs with a read then an update, without row locks: two instances
 * on the same cron tick can run the same job twice. One session-level advisory lock, held on a
 * connection of its own for as long as the process lives, elects the instance that runs jobs. When
 * it stops or loses its connection, PostgreSQL releases the lock and another takes over at its next
 * tick. (Needs a session, not a transaction-pooling PgBouncer, between app and database.)
 */
export const createSingleInstanceRunner = (lockKey = JOB_RUNNER_LOCK_KEY): SingleInstanceRunner => {
  let client: pg.Client | undefined
  let leader = false

  const forget = (lost: pg.Client) => {
    if (client !== lost) return
    client = undefined
    leader = false
  }

  const connect = async (connectionString: string): Promise<pg.Client> => {
    // Bounded like every other connection: a partitioned database must not hang the cron tick.
    const fresh = new pg.Client({
      connectionString,
      application_name: 'cms-job-runner-lock',
      keepAlive: true,
      connectionTimeoutMillis: LOCK_TIMEOUT_MS,
      query_timeout: LOCK_TIMEOUT_MS,
    })
    fresh.on('error', () => {
      forget(fresh)
      void fresh.end().catch(() => undefined)
    })
    fresh.on('end', () => forget(fresh))
    await fresh.connect()
    client = fresh
    // The server's shutdown ends the connection before the embedded database stops.
    onShutdown(`job-runner-lock-${lockKey}`, close)
    return fresh
  }

  const close = async () => {
    const closing = client
    client = undefined
    leader = false
    await closing?.end().catch(() => undefined)
  }

  return {
    shouldRun: async (connectionString) => {
      if (leader && client) return true
      try {
        const session = client ?? (await connect(connectionString))
        const { rows } = await session.query<{ locked: boolean }>('select pg_try_advisory_lock($1) as locked', [lockKey])
        leader = rows[0]?.locked === true
        return leader
      } catch {
        // No database right now: skip this tick; the next one tries again.
        if (client) forget(client)
        return false
      }
    },
    close,
  }
}
