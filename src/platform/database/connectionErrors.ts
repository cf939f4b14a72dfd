/** Socket errors that mean "the database cannot be reached", whatever the query was. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'])

/**
 * SQLSTATEs of an unavailable server rather than a bad query: class 08 (connection exception),
 * admin/crash shutdown, "cannot connect now" (starting up, recovering), too many connections, and
 * 57014, a statement cancelled by our statement_timeout (the database is too slow to answer).
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '57014'])

/**
 * node-postgres's own messages for a connection that broke, timed out or never opened. Matched
 * anywhere in a message: Payload's drizzle adapter rethrows a failed BEGIN as a new error
 * ("cannot begin transaction: <the driver's message>") without the original as its cause.
 */
const UNAVAILABLE_MESSAGES = [
  /\bConnection terminated\b/,
  /\btimeout exceeded when trying to connect\b/,
  /\bQuery read timeout\b/,
  /\bClient has encountered a connection error and is not queryable\b/,
  /\bClient was closed and is not queryable\b/,
  /\bconnect (ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\b/,
  /\bread ECONNRESET\b/,
  /\bcanceling statement due to statement timeout\b/,
]

/**
 * Our own verdict (database/DatabaseUnavailableError.ts, named rather than imported: this file is
 * loaded without Payload): what the adapter throws at once while the monitor knows the database is
 * down. It has no cause to read; Payload's job cron logs it as it comes, every minute of an outage.
 */
const OWN_UNAVAILABLE_ERROR = 'DatabaseUnavailableError'

const isUnavailableCause = (error: unknown): boolean => {
  if (!error || typeof error !== 'object') return false
  const { code, message, name } = error as { code?: unknown; message?: unknown; name?: unknown }
  if (name === OWN_UNAVAILABLE_ERROR) return true
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code))) {
    return true
  }
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))
}

/**
 * The error in `error`'s `cause` chain (itself included) that says the database is unreachable or
 * not answering in time (drizzle wraps the driver's error in a "Failed query" error carrying the
 * SQL and its parameters), or undefined when it is a query that is wrong.
 */
export const unavailableCauseOf = (error: unknown): object | undefined => {
  const seen = new Set<unknown>()
  let current: unknown = error
  while (current && typeof current === 'object' && !seen.has(current)) {
    if (isUnavailableCause(current)) return current
    seen.add(current)
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * True when `error` (or anything in its `cause` chain) says the database is unreachable or not
 * answering in time, as opposed to a query that is wrong. Those deserve 503 + Retry-After, never a
 * 4xx or a plain 500.
 */
export const isDatabaseUnavailableError = (error: unknown): boolean => unavailableCauseOf(error) !== undefined
