import { ConfigError } from './ConfigError'

export type Env = Record<string, string | undefined>

/** Reads a variable, treating an empty string as unset (as docker-compose and .env files do). */
export const readVar = (env: Env, name: string): string | undefined => {
  const value = env[name]
  if (value === undefined) return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

export const parseInteger = (
  env: Env,
  name: string,
  fallback: number,
  { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = {},
): number => {
  const raw = readVar(env, name)
  if (raw === undefined) return fallback
  if (!/^-?\d+$/.test(raw)) {
    throw new ConfigError(name, `must be a whole number (got "${raw}")`)
  }
  const value = Number(raw)
  if (value < min || value > max) {
    throw new ConfigError(name, `must be between ${min} and ${max} (got ${value})`)
  }
  return value
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'on'])
const FALSE_WORDS = new Set(['0', 'false', 'no', 'off'])

export const parseBoolean = (env: Env, name: string, fallback: boolean): boolean => {
  const raw = readVar(env, name)
  if (raw === undefined) return fallback
  const lower = raw.toLowerCase()
  if (TRUE_WORDS.has(lower)) return true
  if (FALSE_WORDS.has(lower)) return false
  throw new ConfigError(name, `must be true or false (got "${raw}")`)
}

export const parseHttpUrl = (env: Env, name: string, fallback?: string): string | undefined => {
  const raw = readVar(env, name) ?? fallback
  if (raw === undefined) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError(name, `must be an http(s) URL such as https://cms.example.com (got "${raw}")`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, `must be an http(s) URL such as https://cms.example.com (got "${raw}")`)
  }
  return raw.replace(/\/+$/, '')
}
