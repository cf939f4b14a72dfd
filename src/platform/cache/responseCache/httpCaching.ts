import { createHash } from 'node:crypto'

/** How browsers and CDNs may keep the responses the response cache shares (HTTP_CACHE_* settings). */
export type HttpCachingOptions = {
  /** `max-age` of shared public responses, in seconds. 0: browsers and CDNs revalidate each time. */
  maxAgeSeconds: number
  /** `stale-while-revalidate` of shared public responses, in seconds. */
  staleWhileRevalidateSeconds: number
}

/**
 * Cache-Control of what the response cache shares:
 * - `anonymous`: the same for everyone, so `public` (CDNs included).
 * - `reader`: the very same response, but asked for with a token. Browsers may keep it and must
 *   revalidate (a cheap 304 by ETag); a CDN must not answer it, or a revoked token would get 200
 *   from the edge instead of its 401.
 * - `personal`: staff reads (drafts) and everything personal (favorites, lists, users/me...):
 *   nobody keeps it.
 */
export const cacheControlHeaders = ({ maxAgeSeconds, staleWhileRevalidateSeconds }: HttpCachingOptions) => ({
  anonymous: `public, max-age=${maxAgeSeconds}, stale-while-revalidate=${staleWhileRevalidateSeconds}`,
  reader: 'private, no-cache',
  personal: 'private, no-store',
})

/** A strong validator: the body's own hash (the same bytes, gzip or not, give the same tag). */
export const strongEtag = (body: Buffer): string => `"${createHash('sha1').update(body).digest('base64url')}"`

/** If-None-Match (weak comparison, as RFC 9110 asks for it): `*`, or one of the listed tags. */
export const matchesIfNoneMatch = (header: string | undefined, etag: string): boolean => {
  if (!header) return false
  if (header.trim() === '*') return true
  for (const candidate of header.split(',')) {
    const tag = candidate.trim()
    if ((tag.startsWith('W/') ? tag.slice(2) : tag) === etag) return true
  }
  return false
}

/** Adds names to a Vary header value, once each (case-insensitively), leaving out those in `leaveOut` (lowercase). */
export const varyWith = (current: unknown, names: readonly string[], leaveOut: ReadonlySet<string> = new Set()): string => {
  const listed =
    current === undefined
      ? []
      : String(current)
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== '' && !leaveOut.has(name.toLowerCase()))
  const seen = new Set(listed.map((name) => name.toLowerCase()))
  for (const name of names) if (!seen.has(name.toLowerCase())) listed.push(name)
  return listed.join(', ')
}

/**
 * Headers Payload's admin puts on every path (withPayload: the color-scheme client hint, for the
 * admin's theme): meant for pages, of no use on a shared API response, and dropped from it.
 */
export const PAGE_ONLY_HEADERS = ['accept-ch', 'critical-ch'] as const

/**
 * Headers Payload puts on every response that a browser reads only on the answer to a CORS
 * preflight (an OPTIONS request, never cached): a shared GET response leaves them off. The ones
 * an actual response needs (Access-Control-Allow-Origin, -Allow-Credentials) stay. Fewer and
 * shorter headers are also less for Node to check and write on every hit.
 */
export const PREFLIGHT_ONLY_HEADERS = ['access-control-allow-headers', 'access-control-allow-methods'] as const

/** What a shared API response leaves off of what Payload and Next set (see the two lists above). */
export const UNSHARED_HEADERS: readonly string[] = [...PAGE_ONLY_HEADERS, ...PREFLIGHT_ONLY_HEADERS]

/**
 * Vary names a shared API response does not vary on: the admin's client hint and Next's app-router
 * request headers (RSC, router state, prefetch), which Next lists on every route's response. A CDN
 * honouring them would keep one copy of the same JSON per combination.
 */
const PAGE_ONLY_VARY = new Set([
  'sec-ch-prefers-color-scheme',
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
])

/** The Vary of a shared API response: `current` without the page-only names, plus `names` (varyWith). */
export const sharedVary = (current: unknown, names: readonly string[]): string => varyWith(current, names, PAGE_ONLY_VARY)
