import pino from 'pino'

import type { LogLevel } from '../config/observability'
import { isDatabaseUnavailableError } from '../database/connectionErrors'
import { httpStatusOfError, refusalLogLevel } from './refusalLogLevel'
import { currentRequestId } from './requestContext'

type LevelHolder = { level: LogLevel }

/** LOG_LEVEL, set once by whoever loaded the configuration; shared by every copy of this module. */
const holder = ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.observability.logLevel')] ??= {
  level: 'info',
}) as LevelHolder

export const setLogLevel = (level: LogLevel): void => {
  holder.level = level
}

let isoTimeMs = -1
let isoTimeField = ''

/**
 * pino's `isoTime`, the same field, formatted once per millisecond: busy servers write several
 * access lines within one (and Next wraps Date, which makes each formatting dearer).
 */
const isoTime = (): string => {
  const now = Date.now()
  if (now !== isoTimeMs) {
    isoTimeMs = now
    isoTimeField = `,"time":"${new Date(now).toISOString()}"`
  }
  return isoTimeField
}

/** The options every JSON logger of the app shares: ISO time, pid, and the current request's id. */
export const jsonLoggerOptions = (name: string): pino.LoggerOptions => ({
  name,
  level: holder.level,
  base: { pid: process.pid },
  timestamp: isoTime,
  // A line written while serving a request carries its id, so one grep follows the request.
  mixin: () => {
    const requestId = currentRequestId()
    return requestId ? { request_id: requestId } : {}
  },
  hooks: { logMethod: logRefusalsQuietly },
})

/**
 * An error line whose `err` is a refusal (a 4xx: denied, not found, invalid, rate-limited) is
 * written at info or warn with the message and status, without the stack: routine, not a fault.
 */
function logRefusalsQuietly(this: pino.Logger, args: Parameters<pino.LogFn>, method: pino.LogFn, level: number): void {
  const [first] = args as unknown[]
  const err = level >= 50 && typeof first === 'object' && first !== null ? (first as { err?: unknown }).err : undefined
  const quieter = err === undefined ? undefined : refusalLogLevel(err)
  if (!quieter) {
    method.apply(this, args)
    return
  }
  const { message, name } = err as { message?: unknown; name?: unknown }
  const fields = { ...(first as object), err: undefined, error: { name, message, status: httpStatusOfError(err) } }
  this[quieter](fields, typeof args[1] === 'string' ? args[1] : typeof message === 'string' ? message : 'refused')
}

/** A GraphQL error wrapping an outage (DatabaseUnavailableError or a driver error): logged once elsewhere. */
const isUnavailableBehindGraphQL = (err: unknown): boolean => {
  const original = typeof err === 'object' && err !== null ? (err as { originalError?: unknown }).originalError : undefined
  if (typeof original !== 'object' || original === null) return false
  return (original as { name?: unknown }).name === 'DatabaseUnavailableError' || isDatabaseUnavailableError(original)
}

/** Logger for the code that runs outside Payload (the custom server, start-up checks). */
export const createLogger = (name: string) => pino(jsonLoggerOptions(name))

export type Logger = ReturnType<typeof createLogger>

/** Lines a buffered logger holds before it writes them (or `flushMs`, whichever comes first). */
const BUFFERED_BYTES = 8_192

/**
 * A logger for a line per request (the access log): like createLogger's, but its lines are written
 * in batches by a background write, at least every `flushMs` and at exit (pino flushes it then),
 * instead of one blocking write per line on the request's path. A process killed outright loses
 * at most the last `flushMs` of them.
 */
export const createBufferedLogger = (name: string, { flushMs = 100 }: { flushMs?: number } = {}): Logger => {
  const destination = pino.destination({ dest: 1, sync: false, minLength: BUFFERED_BYTES })
  setInterval(() => {
    try {
      destination.flush()
    } catch {
      // Already closed (exiting): pino flushed it.
    }
  }, flushMs).unref()
  return pino(jsonLoggerOptions(name), destination) as Logger
}

/**
 * Payload's logger: like every other, except that errors which only say "the database is
 * unreachable" are not logged where they happen (Payload's adapter logs each failed BEGIN with a
 * stack, once per request): the availability monitor logs the outage once, at warn.
 */
export const payloadLoggerOptions = (level: LogLevel): pino.LoggerOptions => ({
  ...jsonLoggerOptions('payload'),
  level,
  hooks: {
    logMethod(args, method, levelValue) {
      const [first] = args as unknown[]
      const err = first && typeof first === 'object' ? (first as { err?: unknown }).err : undefined
      if (levelValue >= 50 && err !== undefined && (isDatabaseUnavailableError(err) || isUnavailableBehindGraphQL(err))) return
      logRefusalsQuietly.call(this, args, method, levelValue)
    },
  },
})
