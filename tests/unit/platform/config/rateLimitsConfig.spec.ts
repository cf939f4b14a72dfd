import { describe, expect, it } from 'vitest'

import { readAppConfig } from '@/platform/config/appConfig'

const base = { SECRET_KEY: 'a-secret' }

describe('rate limit settings', () => {
  it('applies the documented defaults: password reset per email and per IP, public routes per IP', () => {
    const config = readAppConfig(base)
    expect(config.identity.rateLimits).toMatchObject({
      resetPerEmail: { points: 5, durationSeconds: 3600 },
      resetPerIp: { points: 20, durationSeconds: 3600 },
    })
    expect(config.publicRateLimits).toEqual({
      view: { points: 120, durationSeconds: 60 },
      search: { points: 300, durationSeconds: 60 },
      graphql: { points: 300, durationSeconds: 60 },
      realtime: { points: 120, durationSeconds: 60 },
    })
  })

  it('reads each variable', () => {
    const config = readAppConfig({
      ...base,
      RATE_LIMIT_RESET_PER_EMAIL: '2',
      RATE_LIMIT_RESET_PER_EMAIL_WINDOW_SECONDS: '600',
      RATE_LIMIT_RESET_PER_IP: '9',
      RATE_LIMIT_RESET_PER_IP_WINDOW_SECONDS: '60',
      RATE_LIMIT_VIEW_PER_IP: '10',
      RATE_LIMIT_SEARCH_PER_IP: '20',
      RATE_LIMIT_GRAPHQL_PER_IP: '30',
      RATE_LIMIT_REALTIME_PER_IP: '40',
      RATE_LIMIT_PUBLIC_WINDOW_SECONDS: '5',
    })
    expect(config.identity.rateLimits.resetPerEmail).toEqual({ points: 2, durationSeconds: 600 })
    expect(config.identity.rateLimits.resetPerIp).toEqual({ points: 9, durationSeconds: 60 })
    expect(config.publicRateLimits).toEqual({
      view: { points: 10, durationSeconds: 5 },
      search: { points: 20, durationSeconds: 5 },
      graphql: { points: 30, durationSeconds: 5 },
      realtime: { points: 40, durationSeconds: 5 },
    })
  })

  it('refuses a value that is not a positive whole number, naming the variable', () => {
    for (const variable of [
      'RATE_LIMIT_RESET_PER_EMAIL',
      'RATE_LIMIT_RESET_PER_IP_WINDOW_SECONDS',
      'RATE_LIMIT_SEARCH_PER_IP',
      'RATE_LIMIT_PUBLIC_WINDOW_SECONDS',
    ]) {
      expect(() => readAppConfig({ ...base, [variable]: '0' }), variable).toThrow(new RegExp(variable))
      expect(() => readAppConfig({ ...base, [variable]: 'lots' }), variable).toThrow(new RegExp(variable))
    }
  })
})
