import { describe, expect, it } from 'vitest'

import { readSearchConfig } from '@/platform/config/search'

describe('search config', () => {
  it('serves the fast path on SQL by default; SEARCH_INDEX turns the in-process index on', () => {
    expect(readSearchConfig({})).toEqual({ fastPath: true, index: false })
    expect(readSearchConfig({ SEARCH_INDEX: 'true' })).toEqual({ fastPath: true, index: true })
    expect(readSearchConfig({ SEARCH_FAST_PATH: 'false', SEARCH_INDEX: 'false' })).toEqual({ fastPath: false, index: false })
  })
})
