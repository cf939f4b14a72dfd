/**
 * Route templates for the `route` label: what a request matched (`/api/anime/:id`), never its raw
 * path, so the number of label values is bounded by the routes the app has. A request that no
 * route matches is `unmatched`, whatever its path.
 */

export const UNMATCHED = 'unmatched'

/** A Payload endpoint as its sanitized config lists it: `method` lower-case, `path` relative. */
export type EndpointRoute = { method: string; path: string }

/** A collection or global and its endpoints, in Payload's order (custom ones first). */
export type EndpointGroup = { slug: string; endpoints: readonly EndpointRoute[] }

/** What the Payload config knows: its API prefix, root endpoints, collections, globals. */
export type PayloadRoutes = {
  apiRoute: string
  root: readonly EndpointRoute[]
  collections: readonly EndpointGroup[]
  globals: readonly EndpointGroup[]
}

/** Next's app routes as the build lists them (`/admin/[[...segments]]`, `/health`, ...). */
export type RouteTable = { next: readonly string[]; payload?: PayloadRoutes }

type Segment = { literal: string } | { param: string; optional: boolean; rest: boolean }

const parsePattern = (pattern: string): Segment[] =>
  pattern
    .split('/')
    .filter(Boolean)
    .map((part): Segment => {
      // Payload (path-to-regexp): `:id`, `:id?`. Next: `[id]`, `[...slug]`, `[[...slug]]`.
      const payloadParam = /^:(\w+)(\?)?$/.exec(part)
      if (payloadParam) return { param: payloadParam[1]!, optional: Boolean(payloadParam[2]), rest: false }
      const nextParam = /^(\[)?\[(\.\.\.)?(\w+)\](\])?$/.exec(part)
      if (nextParam) return { param: nextParam[3]!, optional: Boolean(nextParam[1]), rest: Boolean(nextParam[2]) }
      return { literal: part }
    })

/** Does `path` (split in segments) match the pattern? Literal segments compare exactly. */
const matches = (pattern: Segment[], segments: string[]): boolean => {
  for (let index = 0; index < pattern.length; index++) {
    const part = pattern[index]!
    const segment = segments[index]
    if ('literal' in part) {
      if (segment !== part.literal) return false
      continue
    }
    if (part.rest) return part.optional || segment !== undefined
    if (segment === undefined) return part.optional && index === pattern.length - 1
  }
  return segments.length <= pattern.length
}

/** The label form: params as `:name`, catch-alls as `*`. */
const labelOf = (pattern: Segment[]): string =>
  '/' + pattern.map((part) => ('literal' in part ? part.literal : part.rest ? '*' : `:${part.param}`)).join('/')

const segmentsOf = (path: string): string[] => path.split('/').filter(Boolean)

/** Exact routes before dynamic ones, and among dynamic ones the most literal segments first. */
const specificity = (pattern: Segment[]): number =>
  pattern.reduce((score, part, index) => score + ('literal' in part ? 2 ** (16 - Math.min(index, 16)) : 0), 0) -
  (pattern.some((part) => !('literal' in part) && part.rest) ? 0.5 : 0)

/** Matches Payload's REST routing: the first endpoint of the collection or global with this method and path. */
const payloadTemplate = (routes: PayloadRoutes, method: string, segments: string[]): string | undefined => {
  const api = segmentsOf(routes.apiRoute)
  if (!api.every((part, index) => segments[index] === part)) return undefined
  let rest = segments.slice(api.length)
  let prefix = routes.apiRoute.replace(/\/+$/, '')
  let endpoints = routes.root
  const isGlobal = rest[0] === 'globals'
  const group = isGlobal
    ? routes.globals.find((global) => global.slug === rest[1])
    : routes.collections.find((collection) => collection.slug === rest[0])
  if (group) {
    prefix += isGlobal ? `/globals/${group.slug}` : `/${group.slug}`
    rest = rest.slice(isGlobal ? 2 : 1)
    endpoints = group.endpoints
  }
  // Next answers HEAD with the GET handler.
  const wanted = method === 'head' ? 'get' : method
  const endpoint = endpoints.find((candidate) => candidate.method === wanted && matches(parsePattern(candidate.path), rest))
  if (!endpoint) return undefined
  const suffix = labelOf(parsePattern(endpoint.path))
  return suffix === '/' ? prefix : `${prefix}${suffix}`
}

export type RouteTemplater = (method: string, path: string) => string

/** Paths whose template is remembered (a cheap bound: the map is emptied when full). */
const MAX_KNOWN_PATHS = 10_000
/** Longer paths are worked out each time: the memory stays bounded (10,000 x 512 characters at most). */
const MAX_KNOWN_PATH_LENGTH = 512

/**
 * Builds the templater from what the server knows: Next's routes, Payload's collections, globals
 * and endpoints (the Payload catch-all under the API route is left to Payload's own table),
 * `/_next/static/*` and the server's own `/metrics`. `path` is without the query string.
 */
export const createRouteTemplater = (table: () => RouteTable): RouteTemplater => {
  let nextRoutes: { pattern: Segment[]; label: string }[] = []
  const compile = (current: RouteTable) => {
    const apiPrefix = current.payload ? segmentsOf(current.payload.apiRoute)[0] : 'api'
    nextRoutes = current.next
      .map((route) => parsePattern(route))
      // `/api/[...slug]` is Payload's REST handler: its routes come from Payload's table.
      .filter(
        (pattern) => !(pattern.length === 2 && 'literal' in pattern[0]! && pattern[0].literal === apiPrefix && !('literal' in pattern[1]!)),
      )
      .sort((a, b) => specificity(b) - specificity(a))
      .map((pattern) => ({ pattern, label: labelOf(pattern) }))
  }
  /** Templates already worked out, by method and path; emptied with every new table, and when full. */
  const known = new Map<string, string>()
  let seenNext: RouteTable['next'] | undefined
  let seenPayload: RouteTable['payload'] | undefined
  const templateOf = (current: RouteTable, method: string, path: string): string => {
    const segments = segmentsOf(path)
    if (segments[0] === '_next') return segments[1] === 'static' ? '/_next/static/*' : '/_next/*'
    if (path === '/metrics') return '/metrics'
    const exact = nextRoutes.find((route) => route.pattern.every((part) => 'literal' in part) && matches(route.pattern, segments))
    if (exact) return exact.label
    const payload = current.payload && payloadTemplate(current.payload, method.toLowerCase(), segments)
    if (payload) return payload
    return nextRoutes.find((route) => matches(route.pattern, segments))?.label ?? UNMATCHED
  }
  // Asked twice per request (the read-parameter check, the access line): matching against every
  // endpoint each time was a measurable part of a cache hit.
  return (method, path) => {
    const current = table()
    // By its parts: a table may be one object whose parts are replaced.
    if (current.next !== seenNext || current.payload !== seenPayload) {
      compile(current)
      seenNext = current.next
      seenPayload = current.payload
      known.clear()
    }
    if (path.length > MAX_KNOWN_PATH_LENGTH) return templateOf(current, method, path)
    const key = `${method} ${path}`
    let template = known.get(key)
    if (template === undefined) {
      template = templateOf(current, method, path)
      if (known.size >= MAX_KNOWN_PATHS) known.clear()
      known.set(key, template)
    }
    return template
  }
}
