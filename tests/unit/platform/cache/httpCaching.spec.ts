import { describe, expect, it } from 'vitest'

import { cacheControlHeaders, matchesIfNoneMatch, sharedVary, strongEtag, varyWith } from '@/platform/cache/responseCache/httpCaching'

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

  it("leaves the page-only names out of a shared response's Vary", () => {
    const next =
      'Sec-CH-Prefers-Color-Scheme, rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding'
    expect(sharedVary(next, ['Origin', 'Accept-Encoding', 'Authorization'])).toBe('Accept-Encoding, Origin, Authorization')
    expect(sharedVary('RSC, Cookie', ['Origin'])).toBe('Cookie, Origin')
    expect(sharedVary(undefined, ['Origin'])).toBe('Origin')
    expect(sharedVary('rsc', ['Origin'])).toBe('Origin')
  })

  it('is public for anonymous callers only', () => {
    expect(cacheControlHeaders({ maxAgeSeconds: 5, staleWhileRevalidateSeconds: 7 })).toEqual({
      anonymous: 'public, max-age=5, stale-while-revalidate=7',
      reader: 'private, no-cache',
      personal: 'private, no-store',
    })
  })
})
