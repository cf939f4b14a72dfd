import { readApiConfig, type ApiConfig } from './api'
import { readDatabaseConfig, type DatabaseConfig } from './database'
import { readEventsConfig, type EventsConfig } from './events'
import { type Env, parseBoolean, parseHttpUrl, parseInteger } from './parsers'
import { readIdentityConfig, type IdentityConfig } from './identity'
import { readMailConfig, type MailConfig } from './mail'
import { readObservabilityConfig, type ObservabilityConfig } from './observability'
import { readPublicRateLimitsConfig, type PublicRateLimitsConfig } from './publicRateLimits'
import { readSearchConfig, type SearchConfig } from './search'
import { readSecurityConfig, type SecurityConfig } from './security'
import { readServicesConfig, type ServicesConfig } from './services'
import { readStorageConfig, type StorageConfig } from './storage'
import { readTwoFactorConfig, type TwoFactorConfig } from './twoFactor'

export type AppConfig = {
  production: boolean
  debug: boolean
  port: number
  serverUrl: string
  database: DatabaseConfig
  security: SecurityConfig
  storage: StorageConfig
  identity: IdentityConfig
  mail: MailConfig
  twoFactor: TwoFactorConfig
  services: ServicesConfig
  events: EventsConfig
  observability: ObservabilityConfig
  publicRateLimits: PublicRateLimitsConfig
  api: ApiConfig
  search: SearchConfig
}

/** Turns the environment into one typed, validated object, or throws a ConfigError naming the variable. */
export const readAppConfig = (env: Env): AppConfig => {
  const production = env.NODE_ENV === 'production'
  const port = parseInteger(env, 'PORT', 3000, { min: 1, max: 65535 })
  const serverUrl = parseHttpUrl(env, 'SERVER_URL', `http://localhost:${port}`) as string
  return {
    production,
    debug: parseBoolean(env, 'DEBUG', false),
    port,
    serverUrl,
    database: readDatabaseConfig(env),
    security: readSecurityConfig(env, production, serverUrl),
    storage: readStorageConfig(env),
    identity: readIdentityConfig(env, serverUrl),
    mail: readMailConfig(env),
    twoFactor: readTwoFactorConfig(env),
    services: readServicesConfig(env),
    events: readEventsConfig(env, serverUrl),
    observability: readObservabilityConfig(env),
    publicRateLimits: readPublicRateLimitsConfig(env),
    api: readApiConfig(env),
    search: readSearchConfig(env),
  }
}
