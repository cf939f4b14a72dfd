import { describe, expect, it } from 'vitest'

import { ConfigError, readAppConfig } from '@/platform/config'

const base = { SECRET_KEY: 'a-secret' }

const refusal = (env: Record<string, string>): ConfigError => {
  try {
    readAppConfig({ ...base, ...env })
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('readAppConfig', () => {
  it('reads the database timeouts, 0 meaning none, and refuses nonsense naming the variable', () => {
    expect(readAppConfig({ ...base, DB_CONNECT_TIMEOUT_MS: '1500', DB_STATEMENT_TIMEOUT_MS: '0' }).database.timeouts).toEqual({
      connectMs: 1_500,
      statementMs: 0,
    })
    expect(refusal({ DB_STATEMENT_TIMEOUT_MS: '-1' }).message).toMatch(/DB_STATEMENT_TIMEOUT_MS/)
    expect(refusal({ DB_CONNECT_TIMEOUT_MS: 'soon' }).message).toMatch(/DB_CONNECT_TIMEOUT_MS/)
  })

  it('reads LEAN_READS, on unless turned off, and refuses nonsense naming the variable', () => {
    expect(readAppConfig(base).database.leanReads).toBe(true)
    expect(readAppConfig({ ...base, LEAN_READS: 'false' }).database.leanReads).toBe(false)
    expect(refusal({ LEAN_READS: 'maybe' }).message).toMatch(/LEAN_READS/)
  })

  it('applies the documented defaults', () => {
    const config = readAppConfig(base)
    expect(config.port).toBe(3000)
    expect(config.serverUrl).toBe('http://localhost:3000')
    expect(config.debug).toBe(false)
    expect(config.database.url).toBeUndefined()
    expect(config.database.pool).toEqual({ size: 5, maxOverflow: 10, recycleSeconds: 1800, prePing: true })
    expect(config.database.timeouts).toEqual({ connectMs: 3_000, statementMs: 3_000 })
    expect(config.security).toMatchObject({
      algorithm: 'HS256',
      accessTokenExpireMinutes: 30,
      refreshTokenExpireDays: 14,
      allowedOrigins: ['http://localhost:3000'],
    })
    expect(config.storage).toEqual({
      maxUploadBytes: 10 * 1024 * 1024,
      avatarMaxBytes: 5 * 1024 * 1024,
      maxImagePixels: 50_000_000,
      s3: undefined,
    })
    expect(config.identity).toMatchObject({
      maxLoginAttempts: 5,
      lockMinutes: 10,
      trustProxy: false,
      google: undefined,
      rateLimits: { perIp: { points: 30, durationSeconds: 60 }, perAccount: { points: 10, durationSeconds: 900 } },
    })
    expect(config.services).toEqual({
      redisUrl: undefined,
      cache: { enabled: true, ttlSeconds: 60, invalidationPollMs: 500, http: { maxAgeSeconds: 10, staleWhileRevalidateSeconds: 30 } },
      realtime: {
        sessionRecheckMs: 30_000,
        maxSubscriptionsPerSocket: 20,
        maxConnectionsPerUser: 10,
        maxStreamsPerAddress: 20,
        maxBufferedBytes: 1_048_576,
        replayEvents: 1_000,
        replaySeconds: 300,
      },
    })
  })

  it('reads read-replica URLs and names the variable when one is wrong', () => {
    expect(readAppConfig(base).database.readReplicaUrls).toEqual([])
    const config = readAppConfig({
      ...base,
      DATABASE_URL: 'postgres://app@primary:5432/cms',
      DATABASE_READ_REPLICA_URLS: ' postgres://app@replica-1:5432/cms , postgresql+asyncpg://app@replica-2/cms',
    })
    expect(config.database.readReplicaUrls).toEqual(['postgresql://app@replica-1:5432/cms', 'postgresql://app@replica-2/cms'])
    expect(refusal({ DATABASE_URL: 'postgres://app@primary/cms', DATABASE_READ_REPLICA_URLS: 'mysql://replica/cms' }).variable).toBe(
      'DATABASE_READ_REPLICA_URLS',
    )
    expect(refusal({ DATABASE_READ_REPLICA_URLS: 'postgres://app@replica/cms' }).variable).toBe('DATABASE_READ_REPLICA_URLS')
  })

  it('reads the response cache settings and refuses bad ones', () => {
    expect(
      readAppConfig({
        ...base,
        CACHE_ENABLED: 'false',
        CACHE_TTL_SECONDS: '5',
        CACHE_INVALIDATION_POLL_MS: '200',
        HTTP_CACHE_MAX_AGE_SECONDS: '0',
        HTTP_CACHE_STALE_WHILE_REVALIDATE_SECONDS: '120',
      }).services.cache,
    ).toEqual({ enabled: false, ttlSeconds: 5, invalidationPollMs: 200, http: { maxAgeSeconds: 0, staleWhileRevalidateSeconds: 120 } })
    expect(() => readAppConfig({ ...base, HTTP_CACHE_MAX_AGE_SECONDS: '-1' })).toThrow(/HTTP_CACHE_MAX_AGE_SECONDS/)
    expect(() => readAppConfig({ ...base, HTTP_CACHE_STALE_WHILE_REVALIDATE_SECONDS: 'later' })).toThrow(
      /HTTP_CACHE_STALE_WHILE_REVALIDATE_SECONDS/,
    )
    expect(() => readAppConfig({ ...base, CACHE_TTL_SECONDS: '0' })).toThrow(/CACHE_TTL_SECONDS/)
    expect(() => readAppConfig({ ...base, CACHE_ENABLED: 'sometimes' })).toThrow(/CACHE_ENABLED/)
    expect(() => readAppConfig({ ...base, CACHE_INVALIDATION_POLL_MS: '10' })).toThrow(/^Invalid configuration: CACHE_INVALIDATION_POLL_MS/)
    expect(() => readAppConfig({ ...base, CACHE_INVALIDATION_POLL_MS: 'soon' })).toThrow(/CACHE_INVALIDATION_POLL_MS/)
  })

  it('reads how often WebSocket sessions are re-checked and refuses bad values', () => {
    expect(readAppConfig({ ...base, WS_SESSION_RECHECK_MS: '5000' }).services.realtime).toEqual({
      sessionRecheckMs: 5000,
      maxSubscriptionsPerSocket: 20,
      maxConnectionsPerUser: 10,
      maxStreamsPerAddress: 20,
      maxBufferedBytes: 1_048_576,
      replayEvents: 1_000,
      replaySeconds: 300,
    })
    expect(() => readAppConfig({ ...base, WS_SESSION_RECHECK_MS: '100' })).toThrow(/^Invalid configuration: WS_SESSION_RECHECK_MS/)
    expect(() => readAppConfig({ ...base, WS_SESSION_RECHECK_MS: '1e3x' })).toThrow(/WS_SESSION_RECHECK_MS/)
  })

  it('reads the identity settings and refuses half a Google configuration', () => {
    const config = readAppConfig({
      ...base,
      LOGIN_MAX_ATTEMPTS: '3',
      LOGIN_LOCK_MINUTES: '2',
      RATE_LIMIT_AUTH_PER_IP: '7',
      REDIS_URL: 'redis://127.0.0.1:6379/2',
      GOOGLE_CLIENT_ID: 'id',
      GOOGLE_CLIENT_SECRET: 'secret',
      GOOGLE_AUTHORIZATION_URL: 'http://127.0.0.1:9999/authorize',
    })
    expect(config.identity.maxLoginAttempts).toBe(3)
    expect(config.identity.lockMinutes).toBe(2)
    expect(config.identity.rateLimits.perIp.points).toBe(7)
    expect(config.services.redisUrl).toBe('redis://127.0.0.1:6379/2')
    expect(config.identity.google).toMatchObject({
      clientId: 'id',
      authorizationUrl: 'http://127.0.0.1:9999/authorize',
      callbackUrl: 'http://localhost:3000/api/auth/google/callback',
    })
    expect(() => readAppConfig({ ...base, GOOGLE_CLIENT_ID: 'id' })).toThrow(/GOOGLE_CLIENT_SECRET/)
    expect(() => readAppConfig({ ...base, REDIS_URL: 'http://x' })).toThrow(/REDIS_URL/)
    expect(() => readAppConfig({ ...base, LOGIN_MAX_ATTEMPTS: 'many' })).toThrow(/LOGIN_MAX_ATTEMPTS/)
  })

  it('accepts PAYLOAD_SECRET as an alias of SECRET_KEY', () => {
    expect(readAppConfig({ PAYLOAD_SECRET: 'alias' }).security.secret).toBe('alias')
  })

  it('normalises the SQLAlchemy URL form', () => {
    const config = readAppConfig({ ...base, DATABASE_URL: 'postgresql+asyncpg://kitsu:pw@db.internal:5433/kitsu' })
    expect(config.database.url).toBe('postgresql://kitsu:pw@db.internal:5433/kitsu')
    expect(readAppConfig({ ...base, DATABASE_URL: 'postgres://u@h/d' }).database.url).toBe('postgresql://u@h/d')
  })

  it('builds the URL from DB_* parts with special characters in the password', () => {
    const config = readAppConfig({
      ...base,
      DB_HOST: 'db',
      DB_PORT: '6543',
      DB_NAME: 'frankenjet',
      DB_USER: 'app',
      DB_PASSWORD: 'p@ss:w/rd#1%?',
    })
    const url = new URL(config.database.url as string)
    expect(url.hostname).toBe('db')
    expect(url.port).toBe('6543')
    expect(url.pathname).toBe('/frankenjet')
    expect(decodeURIComponent(url.password)).toBe('p@ss:w/rd#1%?')
  })

  it('prefers DATABASE_URL over DB_*', () => {
    const config = readAppConfig({ ...base, DATABASE_URL: 'postgresql://a@b/c', DB_HOST: 'ignored', DB_NAME: 'x' })
    expect(config.database.url).toBe('postgresql://a@b/c')
  })

  it('keeps exact origins and always allows the server itself', () => {
    const config = readAppConfig({ ...base, ALLOWED_ORIGINS: 'https://kitsu.app, https://frankenjet.org/' })
    expect(config.security.allowedOrigins).toEqual(['https://kitsu.app', 'https://frankenjet.org', 'http://localhost:3000'])
  })

  it.each([
    [{ SECRET_KEY: '' }, 'SECRET_KEY'],
    [{ NODE_ENV: 'production', SECRET_KEY: 'short' }, 'SECRET_KEY'],
    [{ ALLOWED_ORIGINS: '*' }, 'ALLOWED_ORIGINS'],
    [{ ALLOWED_ORIGINS: 'https://ok.example, https://*.example' }, 'ALLOWED_ORIGINS'],
    [{ ALLOWED_ORIGINS: 'https://example.com/path' }, 'ALLOWED_ORIGINS'],
    [{ DB_POOL_SIZE: 'abc' }, 'DB_POOL_SIZE'],
    [{ DB_POOL_SIZE: '0' }, 'DB_POOL_SIZE'],
    [{ DB_MAX_OVERFLOW: '1.5' }, 'DB_MAX_OVERFLOW'],
    [{ DB_POOL_RECYCLE: 'soon' }, 'DB_POOL_RECYCLE'],
    [{ DB_POOL_PRE_PING: 'maybe' }, 'DB_POOL_PRE_PING'],
    [{ ALGORITHM: 'none' }, 'ALGORITHM'],
    [{ ALGORITHM: 'RS256' }, 'ALGORITHM'],
    [{ ACCESS_TOKEN_EXPIRE_MINUTES: 'thirty' }, 'ACCESS_TOKEN_EXPIRE_MINUTES'],
    [{ REFRESH_TOKEN_EXPIRE_DAYS: '-1' }, 'REFRESH_TOKEN_EXPIRE_DAYS'],
    [{ DEBUG: 'verbose' }, 'DEBUG'],
    [{ PORT: '70000' }, 'PORT'],
    [{ SERVER_URL: 'not a url' }, 'SERVER_URL'],
    [{ DATABASE_URL: 'mysql://u@h/d' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgresql://' }, 'DATABASE_URL'],
    [{ DB_HOST: 'db' }, 'DB_NAME'],
    [{ S3_BUCKET: 'media', S3_ENDPOINT: 'minio:9000' }, 'S3_ENDPOINT'],
    [{ MEDIA_MAX_UPLOAD_MB: 'ten' }, 'MEDIA_MAX_UPLOAD_MB'],
  ])('refuses %o naming %s', (env, variable) => {
    const error = refusal(env)
    expect(error.variable).toBe(variable)
    expect(error.message).toContain(variable)
    expect(error.message).not.toContain('\n')
  })
})
