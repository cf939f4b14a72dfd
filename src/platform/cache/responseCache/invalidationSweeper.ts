import type { Logger } from '../../observability/logger'
import type { ResponseStore } from './responseStore'

type SqlQuery = <Row extends Record<string, unknown>>(text: string, params: unknown[]) => Promise<Row[]>

/** Rows applied per round trip; a longer backlog is swept in several at once. */
const BATCH_SIZE = 500

export type InvalidationSweeper = { stop: () => Promise<void> }

export type InvalidationSweeperOptions = {
  /** Runs SQL on the primary (a pool's query). */
  query: SqlQuery
  store: ResponseStore
  /** How often to look for invalidations a writer could not apply. */
  intervalMs: number
  logger: Logger
}

const namesOf = (rows: { generations: unknown }[]): string[] => [
  ...new Set(rows.flatMap(({ generations }) => (Array.isArray(generations) ? generations.filter((name) => typeof name === 'string') : []))),
]

/**
 * Applies, in every instance, the invalidations recorded in `cache_invalidations` that their writer
 * could not apply (its Redis link was down): a committed change reaches every instance's cache
 * within about `intervalMs`, whatever the writer's link does.
 *
 * No row locks: bumping a generation twice only costs a miss, while a claimer that is itself cut
 * off from Redis would hold rows the others need. Whoever applied a row deletes it.
 *
 * While this instance may be behind (its Redis link just came back, or it could not apply what it
 * found), its store serves nothing cached. A database that cannot be read changes nothing: no
 * change can commit meanwhile, so cache hits keep being served.
 */
export const startInvalidationSweeper = ({ query, store, intervalMs, logger }: InvalidationSweeperOptions): InvalidationSweeper => {
  if (!store.shared) return { stop: async () => undefined }
  let failing: string | undefined
  const fail = (cause: string, error: unknown) => {
    if (failing !== cause) logger.warn({ err: error, cause }, 'recorded cache invalidations cannot be applied yet: retrying')
    failing = cause
  }

  const sweepOnce = async (): Promise<'done' | 'more' | 'failed'> => {
    let rows: { id: number; generations: unknown }[]
    try {
      rows = await query('SELECT id, generations FROM cache_invalidations ORDER BY id LIMIT $1', [BATCH_SIZE])
    } catch (error) {
      fail('database', error)
      return 'failed'
    }
    if (rows.length > 0) {
      try {
        await store.apply(namesOf(rows))
      } catch (error) {
        store.setBehind(true)
        fail('redis', error)
        return 'failed'
      }
      // Applied: a row left behind by a failed delete is only bumped again.
      await query('DELETE FROM cache_invalidations WHERE id = ANY($1::int[])', [rows.map(({ id }) => id)]).catch(() => undefined)
    }
    if (failing) logger.info('recorded cache invalidations applied again')
    failing = undefined
    return rows.length < BATCH_SIZE ? 'done' : 'more'
  }

  let running: Promise<void> | undefined
  const sweep = (): Promise<void> =>
    (running ??= (async () => {
      let outcome = await sweepOnce()
      while (outcome === 'more') outcome = await sweepOnce()
      if (outcome === 'done') store.setBehind(false)
    })().finally(() => {
      running = undefined
    }))

  let stopped = false
  const catchUp = () => {
    if (stopped) return
    store.setBehind(true)
    void sweep()
  }
  // Whatever was recorded while this instance could not reach Redis is applied before it serves a hit.
  store.onReconnect(catchUp)
  catchUp()
  const timer = setInterval(() => void sweep(), intervalMs)
  timer.unref()

  return {
    stop: async () => {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
