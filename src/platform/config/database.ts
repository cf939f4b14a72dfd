import { ConfigError } from './ConfigError'
import { type Env, parseBoolean, parseInteger, readVar } from './parsers'

export type DatabaseConfig = {
  /** `postgresql://…`, or undefined when the embedded PostgreSQL is to be used. */
  url: string | undefined
  /** Read-only replicas Payload sends its reads to (writes and transactions stay on `url`). */
  readReplicaUrls: string[]
  embedded: {
    dataDir: string
    port: number
  }
  pool: {
    size: number
    maxOverflow: number
    recycleSeconds: number
    prePing: boolean
  }
  /**
   * Bounds on every pool (Payload's, replicas, sessions, events): nothing waits forever on a
   * database that is down or partitioned. 0 turns a bound off (migrations of large tables).
   */
  /**
   * LEAN_READS (default true): Payload's reads without parallel query plans and with the exact
   * count cache (src/platform/database/adapter.ts); false restores the read path as it was.
   */
  leanReads: boolean
  timeouts: {
    /** Opening a connection (TCP + start-up) or waiting for a free one in a full pool. */
    connectMs: number
    /** PostgreSQL's `statement_timeout`; the client gives up a little later on its own. */
    statementMs: number
  }
}

const URL_FORM = 'postgresql://USER:PASS@HOST:PORT/DB'

/**
 * Accepts the URL forms the existing deployments use: plain `postgres(ql)://` and SQLAlchemy's
 * `postgresql+asyncpg://` / `postgresql+psycopg://`, normalised to `postgresql://`.
 */
export const normaliseDatabaseUrl = (raw: string, variable = 'DATABASE_URL'): string => {
  const match = /^(postgres|postgresql)(\+[a-z0-9]+)?:\/\//i.exec(raw)
  if (!match) {
    throw new ConfigError(variable, `must look like ${URL_FORM} (got a URL with another scheme)`)
  }
  const normalised = `postgresql://${raw.slice(match[0].length)}`
  let url: URL
  try {
    url = new URL(normalised)
  } catch {
    throw new ConfigError(variable, `must look like ${URL_FORM} (could not parse it)`)
  }
  if (!url.hostname) throw new ConfigError(variable, `must look like ${URL_FORM} (no host)`)
  if (url.pathname.length <= 1) {
    throw new ConfigError(variable, `must look like ${URL_FORM} (no database name)`)
  }
  return normalised
}

/** Builds a URL from `DB_*` parts; user and password are percent-encoded, so any character works. */
const urlFromParts = (env: Env, host: string): string => {
  const port = parseInteger(env, 'DB_PORT', 5432, { min: 1, max: 65535 })
  const name = readVar(env, 'DB_NAME')
  if (!name) throw new ConfigError('DB_NAME', 'is required when DB_HOST is set')
  const user = readVar(env, 'DB_USER') ?? 'postgres'
  // Passwords may legitimately start or end with spaces: read the raw value.
  const password = env.DB_PASSWORD ?? ''
  const auth = password ? `${encodeURIComponent(user)}:${encodeURIComponent(password)}` : encodeURIComponent(user)
  const hostPart = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host
  return `postgresql://${auth}@${hostPart}:${port}/${encodeURIComponent(name)}`
}

export const readDatabaseConfig = (env: Env): DatabaseConfig => {
  const rawUrl = readVar(env, 'DATABASE_URL')
  const host = readVar(env, 'DB_HOST')
  const url = rawUrl ? normaliseDatabaseUrl(rawUrl) : host ? urlFromParts(env, host) : undefined

  const replicas = readVar(env, 'DATABASE_READ_REPLICA_URLS')
  const readReplicaUrls = (replicas ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => normaliseDatabaseUrl(entry, 'DATABASE_READ_REPLICA_URLS'))
  if (readReplicaUrls.length > 0 && !url) {
    throw new ConfigError('DATABASE_READ_REPLICA_URLS', 'needs DATABASE_URL or DB_HOST (the primary) as well')
  }

  return {
    url,
    readReplicaUrls,
    embedded: {
      dataDir: readVar(env, 'EMBEDDED_POSTGRES_DIR') ?? '.data/postgres',
      port: parseInteger(env, 'EMBEDDED_POSTGRES_PORT', 54329, { min: 1, max: 65535 }),
    },
    pool: {
      size: parseInteger(env, 'DB_POOL_SIZE', 5, { min: 1, max: 1000 }),
      maxOverflow: parseInteger(env, 'DB_MAX_OVERFLOW', 10, { min: 0, max: 1000 }),
      recycleSeconds: parseInteger(env, 'DB_POOL_RECYCLE', 1800, { min: 0, max: 86_400 * 7 }),
      prePing: parseBoolean(env, 'DB_POOL_PRE_PING', true),
    },
    leanReads: parseBoolean(env, 'LEAN_READS', true),
    timeouts: {
      connectMs: parseInteger(env, 'DB_CONNECT_TIMEOUT_MS', 3_000, { min: 0, max: 600_000 }),
      statementMs: parseInteger(env, 'DB_STATEMENT_TIMEOUT_MS', 3_000, { min: 0, max: 86_400_000 }),
    },
  }
}

/** Local-only credentials of the embedded server; it listens on 127.0.0.1 only. */
export const EMBEDDED_DATABASE = { user: 'postgres', password: 'postgres', name: 'cms' } as const

export const embeddedDatabaseUrl = (port: number): string =>
  `postgresql://${EMBEDDED_DATABASE.user}:${EMBEDDED_DATABASE.password}@127.0.0.1:${port}/${EMBEDDED_DATABASE.name}`

/** The URL Payload connects to: the configured server, or the embedded one. */
export const effectiveDatabaseUrl = (database: DatabaseConfig): string => database.url ?? embeddedDatabaseUrl(database.embedded.port)
