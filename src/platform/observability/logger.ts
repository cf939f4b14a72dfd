import pino from 'pino'

import type { LogLevel } from '../config/observability'
import { isDatabaseUnavailableError } from '../database/connectionErrors'
import { currentRequestId } from './requestContext'

type LevelHolder = { level: LogLevel }

/** LOG_LEVEL, set once by whoever loaded the configuration; shared by every copy of this module. */
const holder = ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.observability.logLevel')] ??= {
  level: 'info',
}) as LevelHolder

export const setLogLevel = (level: LogLevel): void => {
  holder.level = level
}

/** The options every JSON logger of the app shares: ISO time, pid, and the current request's id. */
export const jsonLoggerOptions = (name: string): pino.LoggerOptions => ({
  name,
  level: holder.level,
  base: { pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
  // A line written while serving a request carries its id, so one grep follows the request.
  mixin: () => {
    const requestId = currentRequestId()
    return requestId ? { request_id: requestId } : {}
  },
})

/** Logger for the code that runs outside Payload (the custom server, start-up checks). */
export const createLogger = (name: string) => pino(jsonLoggerOptions(name))

export type Logger = ReturnType<typeof createLogger>

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
      if (levelValue >= 50 && err !== undefined && isDatabaseUnavailableError(err)) return
      method.apply(this, args)
    },
  },
})
