import { describe, expect, it } from 'vitest'

import { readAppConfig } from '@/platform/config'

const base = { SECRET_KEY: 'a-secret' }

describe('API read caps configuration', () => {
  it('defaults: 100 documents a page, depth 3', () => {
    expect(readAppConfig(base).api).toEqual({ maxLimit: 100, maxDepth: 3 })
  })

  it('reads API_MAX_LIMIT and API_MAX_DEPTH', () => {
    expect(readAppConfig({ ...base, API_MAX_LIMIT: '250', API_MAX_DEPTH: '1' }).api).toEqual({ maxLimit: 250, maxDepth: 1 })
    expect(readAppConfig({ ...base, API_MAX_DEPTH: '0' }).api.maxDepth).toBe(0)
  })

  it('refuses values that would switch the cap off or make no sense, naming the variable', () => {
    expect(() => readAppConfig({ ...base, API_MAX_LIMIT: '0' })).toThrow(
      /^Invalid configuration: API_MAX_LIMIT must be between 1 and 10000/,
    )
    expect(() => readAppConfig({ ...base, API_MAX_LIMIT: '100000' })).toThrow(/API_MAX_LIMIT must be between 1 and 10000/)
    expect(() => readAppConfig({ ...base, API_MAX_LIMIT: 'lots' })).toThrow(/API_MAX_LIMIT must be a whole number/)
    expect(() => readAppConfig({ ...base, API_MAX_DEPTH: '11' })).toThrow(/API_MAX_DEPTH must be between 0 and 10/)
    expect(() => readAppConfig({ ...base, API_MAX_DEPTH: '-1' })).toThrow(/API_MAX_DEPTH must be between 0 and 10/)
  })
})
