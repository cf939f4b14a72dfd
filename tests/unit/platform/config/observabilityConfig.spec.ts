import { describe, expect, it } from 'vitest'

import { readAppConfig } from '@/platform/config'

const base = { SECRET_KEY: 'a-secret' }

describe('observability configuration', () => {
  it('defaults: /metrics open, log level info', () => {
    expect(readAppConfig(base).observability).toEqual({ metricsToken: undefined, logLevel: 'info' })
    expect(readAppConfig({ ...base, METRICS_TOKEN: '  ', LOG_LEVEL: '' }).observability).toEqual({
      metricsToken: undefined,
      logLevel: 'info',
    })
  })

  it('reads METRICS_TOKEN and LOG_LEVEL', () => {
    expect(readAppConfig({ ...base, METRICS_TOKEN: 'scrape-token-0123456789_ABC', LOG_LEVEL: 'DEBUG' }).observability).toEqual({
      metricsToken: 'scrape-token-0123456789_ABC',
      logLevel: 'debug',
    })
  })

  it('refuses bad values with one line naming the variable', () => {
    expect(() => readAppConfig({ ...base, METRICS_TOKEN: 'short' })).toThrow(
      /^Invalid configuration: METRICS_TOKEN must be at least 16 characters/,
    )
    expect(() => readAppConfig({ ...base, METRICS_TOKEN: 'has spaces inside the token' })).toThrow(/METRICS_TOKEN may contain only/)
    expect(() => readAppConfig({ ...base, LOG_LEVEL: 'verbose' })).toThrow(/^Invalid configuration: LOG_LEVEL must be one of fatal, error/)
  })
})
