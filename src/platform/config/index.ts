import { readAppConfig, type AppConfig } from './appConfig'

export { ConfigError } from './ConfigError'
export { readAppConfig, type AppConfig } from './appConfig'
export { EMBEDDED_DATABASE, effectiveDatabaseUrl, embeddedDatabaseUrl, normaliseDatabaseUrl, type DatabaseConfig } from './database'
export { SUPPORTED_ALGORITHMS, type TokenAlgorithm } from './security'

let cached: AppConfig | undefined

/**
 * The validated configuration of this process. Read once: the server validates it before anything
 * else starts, and Payload's config (in Next's bundle and in the CLI) reads the same object.
 */
export const getAppConfig = (): AppConfig => {
  cached ??= readAppConfig(process.env)
  return cached
}
