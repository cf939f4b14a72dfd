import { ConfigError } from './ConfigError'
import { type Env, readVar } from './parsers'

export type ServicesConfig = {
  /** redis://…; unset: rate limits and session fan-out stay in this process (one instance only). */
  redisUrl: string | undefined
}

const readRedisUrl = (env: Env): string | undefined => {
  const raw = readVar(env, 'REDIS_URL')
  if (raw === undefined) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('REDIS_URL', `must look like redis://HOST:PORT/DB (got "${raw}")`)
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError('REDIS_URL', `must look like redis://HOST:PORT/DB (got "${raw}")`)
  }
  return raw
}

export const readServicesConfig = (env: Env): ServicesConfig => ({
  redisUrl: readRedisUrl(env),
})
