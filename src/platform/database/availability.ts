import { getMetrics } from '../observability/metrics/registry'
import type { Logger } from '../observability/logger'
import { isDatabaseUnavailableError, unavailableCauseOf } from './connectionErrors'

type Probe = () => Promise<void>

type AvailabilityState = {
  down: boolean
  downSince: number
  /** Set by the server: a cheap round trip on a connection of its own, bounded in time. */
  probe?: Probe
  logger?: Pick<Logger, 'warn' | 'info'>
  intervalMs: number
  confirming?: Promise<void>
  timer?: NodeJS.Timeout
}

/**
 * One state per process on globalThis: Payload's adapter (inside Next's bundle) reports failures,
 * server.ts (its own copy of this module) reads the state before handing a request to Next.
 */
const state = ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.database.availability')] ??= {
  down: false,
  downSince: 0,
  intervalMs: 1_000,
}) as AvailabilityState

/**
 * The driver's own words ("connect ECONNREFUSED", "Connection terminated unexpectedly"), not
 * drizzle's "Failed query" wrapper around them: that one carries the SQL and its parameters (a
 * user's id, a search term), which do not belong in a warning line.
 */
const reason = (error: unknown): string => {
  const cause: unknown = unavailableCauseOf(error) ?? error
  const message = cause && typeof cause === 'object' ? (cause as { message?: unknown }).message : undefined
  return typeof message === 'string' ? message : String(cause)
}

const markUp = (): void => {
  if (!state.down) return
  state.down = false
  getMetrics().dependencyUp.set({ dependency: 'database' }, 1)
  state.logger?.info({ downForMs: Date.now() - state.downSince }, 'database reachable again')
}

const probeUntilUp = (): void => {
  clearTimeout(state.timer)
  state.timer = setTimeout(() => {
    const probe = state.probe
    if (!probe) return
    probe().then(markUp, probeUntilUp)
  }, state.intervalMs)
  state.timer.unref()
}

const markDown = (error: unknown): void => {
  if (state.down) return
  state.down = true
  state.downSince = Date.now()
  getMetrics().dependencyUp.set({ dependency: 'database' }, 0)
  // Once per outage, not per request: every request fails the same way until it is back.
  state.logger?.warn({ reason: reason(error) }, 'database unreachable: requests that need it answer 503 until it is back')
  probeUntilUp()
}

/**
 * Turns on outage detection in this process (the server does; scripts and in-process tests need
 * not): a reported connection failure is confirmed by `probe`, and while it keeps failing the
 * server answers 503 at once instead of letting every request wait for its own timeout.
 */
export const monitorDatabaseAvailability = ({
  probe,
  logger,
  intervalMs = 1_000,
}: {
  probe: Probe
  logger: AvailabilityState['logger']
  intervalMs?: number
}): { stop: () => void } => {
  Object.assign(state, { probe, logger, intervalMs })
  return {
    stop: () => {
      clearTimeout(state.timer)
      state.probe = undefined
    },
  }
}

/**
 * Tells the monitor a database call failed. Only failures that mean "unreachable or not answering"
 * count (a wrong query does not); one probe confirms before the state turns, so a single dropped
 * connection does not send every request to 503.
 */
export const reportDatabaseFailure = (error: unknown): void => {
  if (!isDatabaseUnavailableError(error) || state.down || state.confirming || !state.probe) return
  state.confirming = state
    .probe()
    .catch(() => markDown(error))
    .finally(() => {
      state.confirming = undefined
    })
}

/** True while the database is known to be unreachable (confirmed by a failed probe). */
export const isDatabaseDown = (): boolean => state.down
