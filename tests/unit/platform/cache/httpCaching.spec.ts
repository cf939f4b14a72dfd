import { describe, expect, it } from 'vitest'

import { cacheControlHeaders, matchesIfNoneMatch, strongEtag, varyWith } from '@/platform/cache/responseCache/httpCaching'

describe('HTTP caching of shared responses', () => {
  it('tags a body strongly, by its bytes', () => {
    const tag = strongEtag(Buffer.from('{"a":1}'))
    expect(tag).toMatch(/^"[A-Za-z0-9_-]+"$/)
    expect(strongEtag(Buffer.from('{"a":1}'))).toBe(tag)
    expect(strongEtag(Buffer.from('{"a":2}'))).not.toBe(tag)
  })

  it('matches If-None-Match the weak way: any listed tag, W/ or not, or *', () => {
    expect(matchesIfNoneMatch('"abc"', '"abc"')).toBe(true)
    expect(matchesIfNoneMatch('"x", W/"abc"', '"abc"')).toBe(true)
    expect(matchesIfNoneMatch('*', '"abc"')).toBe(true)
    expect(matchesIfNoneMatch('"abcd"', '"abc"')).toBe(false)
    expect(matchesIfNoneMatch('abc', '"abc"')).toBe(false)
    expect(matchesIfNoneMatch(undefined, '"abc"')).toBe(false)
  })

  it('adds Vary names once each', () => {
    expect(varyWith(undefined, ['Origin', 'Accept-Encoding'])).toBe('Origin, Accept-Encoding')
    expect(varyWith('accept-encoding, RSC', ['Origin', 'Accept-Encoding'])).toBe('accept-encoding, RSC, Origin')
  })

  it('is public for anonymous callers only', () => {
    expect(cacheControlHeaders({ maxAgeSeconds: 5, staleWhileRevalidateSeconds: 7 })).toEqual({
      anonymous: 'public, max-age=5, stale-while-revalidate=7',
      reader: 'private, no-cache',
      personal: 'private, no-store',
    })
  })
})
