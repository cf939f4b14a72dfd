import { ConfigError } from './ConfigError'
import { type Env, parseInteger, readVar } from './parsers'

/** HMAC algorithms only: tokens are signed with SECRET_KEY, a shared secret. */
export const SUPPORTED_ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const
export type TokenAlgorithm = (typeof SUPPORTED_ALGORITHMS)[number]

export type SecurityConfig = {
  secret: string
  algorithm: TokenAlgorithm
  accessTokenExpireMinutes: number
  refreshTokenExpireDays: number
  allowedOrigins: string[]
  /**
   * How long an instance may remember that a token's session is live (and whether its user is
   * staff) instead of asking the database on each request; 0: never. Ended sessions are forgotten
   * at once through the session events; this bounds the rest (see sessionVerdictCache).
   */
  sessionVerdictTtlMs: number
}

const MIN_PRODUCTION_SECRET_LENGTH = 32

const readSecret = (env: Env, production: boolean): string => {
  const secret = readVar(env, 'SECRET_KEY') ?? readVar(env, 'PAYLOAD_SECRET')
  if (!secret) {
    throw new ConfigError('SECRET_KEY', 'is required (PAYLOAD_SECRET is accepted as an alias); set it to a long random string')
  }
  if (production && secret.length < MIN_PRODUCTION_SECRET_LENGTH) {
    throw new ConfigError('SECRET_KEY', `must be at least ${MIN_PRODUCTION_SECRET_LENGTH} characters in production (got ${secret.length})`)
  }
  return secret
}

const readAlgorithm = (env: Env): TokenAlgorithm => {
  const raw = readVar(env, 'ALGORITHM') ?? 'HS256'
  const upper = raw.toUpperCase()
  const found = SUPPORTED_ALGORITHMS.find((alg) => alg === upper)
  if (!found) {
    throw new ConfigError('ALGORITHM', `must be one of ${SUPPORTED_ALGORITHMS.join(', ')} (got "${raw}")`)
  }
  return found
}

/** Exact origins only: credentials are allowed, so a wildcard would let any site act as the user. */
const readAllowedOrigins = (env: Env, serverUrl: string): string[] => {
  const raw = readVar(env, 'ALLOWED_ORIGINS')
  if (raw === undefined) return [serverUrl]
  const origins = raw
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
  for (const origin of origins) {
    if (origin.includes('*')) {
      throw new ConfigError(
        'ALLOWED_ORIGINS',
        'must list exact origins such as https://app.example.com; "*" is refused because credentials are allowed',
      )
    }
    let url: URL
    try {
      url = new URL(origin)
    } catch {
      throw new ConfigError('ALLOWED_ORIGINS', `must be comma-separated origins like https://app.example.com (got "${origin}")`)
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin !== origin.replace(/\/$/, '')) {
      throw new ConfigError(
        'ALLOWED_ORIGINS',
        `must be comma-separated origins (scheme, host and port, no path) like https://app.example.com (got "${origin}")`,
      )
    }
  }
  const exact = origins.map((origin) => new URL(origin).origin)
  // The admin panel is served from SERVER_URL and always needs to pass CSRF checks.
  return [...new Set([...exact, serverUrl])]
}

export const readSecurityConfig = (env: Env, production: boolean, serverUrl: string): SecurityConfig => ({
  secret: readSecret(env, production),
  algorithm: readAlgorithm(env),
  accessTokenExpireMinutes: parseInteger(env, 'ACCESS_TOKEN_EXPIRE_MINUTES', 30, { min: 1, max: 60 * 24 * 7 }),
  refreshTokenExpireDays: parseInteger(env, 'REFRESH_TOKEN_EXPIRE_DAYS', 14, { min: 1, max: 365 }),
  allowedOrigins: readAllowedOrigins(env, serverUrl),
  sessionVerdictTtlMs: parseInteger(env, 'SESSION_VERDICT_TTL_MS', 5_000, { min: 0, max: 60_000 }),
})
