import { ConfigError } from './ConfigError'
import { type Env, readVar } from './parsers'

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = (typeof LOG_LEVELS)[number]

export type ObservabilityConfig = {
  /** Bearer token `GET /metrics` requires; unset: /metrics is open (keep it off the public network). */
  metricsToken: string | undefined
  /** The JSON logs' threshold; access lines of health checks and static assets are `debug`. */
  logLevel: LogLevel
}

/** Shorter tokens are guessable; a scrape config can hold a long one as easily as a short one. */
const MIN_TOKEN_LENGTH = 16

const readMetricsToken = (env: Env): string | undefined => {
  const token = readVar(env, 'METRICS_TOKEN')
  if (token === undefined) return undefined
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new ConfigError('METRICS_TOKEN', `must be at least ${MIN_TOKEN_LENGTH} characters (got ${token.length})`)
  }
  // It travels in an Authorization header: RFC 6750 token68 characters only.
  if (!/^[A-Za-z0-9\-._~+/]+=*$/.test(token)) {
    throw new ConfigError('METRICS_TOKEN', 'may contain only letters, digits and - . _ ~ + / (and trailing =)')
  }
  return token
}

const readLogLevel = (env: Env): LogLevel => {
  const raw = readVar(env, 'LOG_LEVEL')?.toLowerCase() ?? 'info'
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')} (got "${raw}")`)
  }
  return raw as LogLevel
}

export const readObservabilityConfig = (env: Env): ObservabilityConfig => ({
  metricsToken: readMetricsToken(env),
  logLevel: readLogLevel(env),
})
