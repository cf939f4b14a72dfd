import { randomBytes } from 'node:crypto'

import { readAppConfig, type AppConfig } from './appConfig'

export { ConfigError } from './ConfigError'
export { readAppConfig, type AppConfig } from './appConfig'
export { EMBEDDED_DATABASE, effectiveDatabaseUrl, embeddedDatabaseUrl, normaliseDatabaseUrl, type DatabaseConfig } from './database'
export { SUPPORTED_ALGORITHMS, type SecurityConfig, type TokenAlgorithm } from './security'
export type { GoogleConfig, IdentityConfig, OAuthProviderConfig, RateLimitRule, TelegramLoginConfig } from './identity'
export type { RealtimeConfig, ServicesConfig } from './services'
export type { MailConfig, SmtpConfig } from './mail'
export type { TwoFactorConfig } from './twoFactor'
export type { EventsConfig, TelegramChannelConfig } from './events'
export type { ApiConfig } from './api'
export { LOG_LEVELS, type LogLevel, type ObservabilityConfig } from './observability'
export type { PublicRateLimitsConfig } from './publicRateLimits'

let cached: AppConfig | undefined

/**
 * The validated configuration of this process. Read once: the server validates it before anything
 * else starts, and Payload's config (in Next's bundle and in the CLI) reads the same object.
 */
export const getAppConfig = (): AppConfig => {
  cached ??= readAppConfig(withBuildTimeSecret(process.env))
  return cached
}

/**
 * `next build` evaluates the Payload config to collect page data but signs nothing, so a build
 * needs no secret: it gets a random one that dies with the build process. A running server reads
 * the environment afresh and still refuses to start without SECRET_KEY.
 */
const withBuildTimeSecret = (env: NodeJS.ProcessEnv): NodeJS.ProcessEnv =>
  env.NEXT_PHASE === 'phase-production-build' && !env.SECRET_KEY && !env.PAYLOAD_SECRET
    ? { ...env, SECRET_KEY: randomBytes(32).toString('hex') }
    : env
