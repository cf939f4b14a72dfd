import * as qs from 'qs-esm'

import { checkReadParams, type ReadOperation } from './checkReadParams'
import type { ReadShapes } from './collectionShape'
import { isPossibleId } from './checkNumbers'
import { notFound, type AppliedParams, type ReadVerdict } from './problems'
import type { PublishedReadConfig } from './publishedShapes'
import type { ReadLimits } from './readLimits'
import { readTargetOf } from './readTarget'

/** How Payload parses a query string (payload/dist/utilities/createPayloadRequest.js). */
export const parseQuery = (search: string): Record<string, unknown> =>
  qs.parse(search, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10, ignoreQueryPrefix: true }) as Record<string, unknown>

const decodeSegment = (segment: string | undefined): string | undefined => {
  if (segment === undefined) return undefined
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

export type RestReadCheck = {
  verdict: ReadVerdict
  /** The URL Payload should see: the caps applied (the same as `url` when nothing changed). */
  url: string
}

const withApplied = (url: string, pathname: string, search: string, applied: AppliedParams): string => {
  const params = new URLSearchParams(search)
  let changed = false
  for (const [name, value] of Object.entries(applied) as [keyof AppliedParams, number | undefined][]) {
    if (value === undefined || params.get(name) === String(value)) continue
    params.set(name, String(value))
    changed = true
  }
  return changed ? `${pathname}?${params.toString()}` : url
}

/**
 * Checks a REST read (`GET /api/<slug>`, `/:id`, `/count`, `/versions`, `/versions/:id`, globals)
 * before Payload sees it. `routeOf` maps a path to the template of the Payload endpoint it hits
 * (custom endpoints first, as Payload routes). Undefined: not a built-in read, nothing to check.
 */
export const checkRestRead = ({
  method,
  url,
  routeOf,
  published,
  limits,
}: {
  method: string
  url: string
  routeOf: (method: string, path: string) => string
  published: PublishedReadConfig | undefined
  limits: ReadLimits
}): RestReadCheck | undefined => {
  const queryStart = url.indexOf('?')
  const pathname = queryStart === -1 ? url : url.slice(0, queryStart)
  const search = queryStart === -1 ? '' : url.slice(queryStart + 1)
  const apiRoute = published?.apiRoute ?? '/api'
  if (!pathname.startsWith(`${apiRoute}/`)) return undefined
  // Next would answer 500 for a path it cannot decode; PostgreSQL refuses a NUL byte in any key.
  const decoded = decodeSegment(pathname)
  if (decoded === undefined || decoded.includes('\u0000')) return { verdict: notFound('path'), url }
  const read = method === 'GET' || method === 'HEAD'
  const target = readTargetOf(routeOf(read ? method : 'GET', pathname), apiRoute)
  if (!target) return undefined
  if (!read) {
    // A write to a document by id: the same id rule (Payload's own handlers check the rest).
    if (target.operation !== 'findByID' || (method !== 'PATCH' && method !== 'DELETE')) return undefined
    const shape = published?.shapes.collections.get(target.slug)
    const id = decodeSegment(pathname.split('/').filter(Boolean)[target.idIndex!])
    return { verdict: shape && !isPossibleId(id, shape.idType) ? notFound('id') : { ok: true, applied: {} }, url }
  }
  const shapes: ReadShapes | undefined = published?.shapes
  const shape = target.entity === 'collection' ? shapes?.collections.get(target.slug) : shapes?.globals.get(target.slug)
  const segments = pathname.split('/').filter(Boolean)
  const operation: ReadOperation = target.operation
  const verdict = checkReadParams({
    operation,
    shape,
    // Payload's global read takes the first `data` as URLSearchParams gives it (a repeated `data`
    // is an array to qs-esm): check the value it will JSON-parse.
    params: { ...parseQuery(search), data: new URLSearchParams(search).get('data') ?? undefined },
    id: target.idIndex === undefined ? undefined : decodeSegment(segments[target.idIndex]),
    limits,
    defaultDepth: published?.defaultDepth ?? 2,
    jsonStrings: true,
  })
  return { verdict, url: verdict.ok ? withApplied(url, pathname, search, verdict.applied) : url }
}
