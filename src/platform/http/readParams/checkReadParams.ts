import { checkSort } from './checkSort'
import { clamp, integerOf, isAbsent, isPossibleId } from './checkNumbers'
import { checkWhere, containsNul } from './checkWhere'
import type { EntityShape } from './collectionShape'
import { notFound, refuse, type AppliedParams, type ReadVerdict } from './problems'
import type { ReadLimits } from './readLimits'

export type ReadOperation = 'find' | 'count' | 'findByID' | 'findVersions' | 'findVersionByID' | 'countVersions' | 'findGlobal'

export type ReadRequest = {
  operation: ReadOperation
  /** The collection or global; undefined while Payload has not published them (structure only). */
  shape: EntityShape | undefined
  /** Query parameters as qs-esm parses them (REST) or operation arguments (GraphQL, Local API). */
  params: Record<string, unknown>
  id?: unknown
  limits: ReadLimits
  /** Payload's `defaultDepth`, applied when no depth is given. */
  defaultDepth: number
  /** REST: `where`/`data` may come as JSON strings, which Payload parses itself. */
  jsonStrings?: boolean
}

const LISTS: ReadonlySet<ReadOperation> = new Set(['find', 'findVersions'])
const VERSIONS: ReadonlySet<ReadOperation> = new Set(['findVersions', 'findVersionByID', 'countVersions'])
const BY_ID: ReadonlySet<ReadOperation> = new Set(['findByID', 'findVersionByID'])

const parseJson = (value: unknown): { ok: true; value: unknown } | { ok: false } => {
  if (typeof value !== 'string') return { ok: true, value }
  try {
    return { ok: true, value: JSON.parse(value) as unknown }
  } catch {
    return { ok: false }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * `joins[<field>][limit|page]`: join fields are paged like lists. A limit outside 1..maxLimit or a
 * page below 1 is refused (PostgreSQL refuses a negative LIMIT; 0 would mean "all").
 */
const checkJoins = (joins: unknown, limits: ReadLimits): ReadVerdict | undefined => {
  if (isAbsent(joins) || joins === 'false' || joins === false) return undefined
  if (!isObject(joins)) return refuse('joins', 'joins must be false or joins[<field>][limit|page|sort|where].')
  for (const [field, join] of Object.entries(joins)) {
    if (!isObject(join)) continue
    if (!isAbsent(join.limit)) {
      const limit = integerOf(join.limit)
      if (limit === undefined || limit < 1 || limit > limits.maxLimit)
        return refuse('joins', `joins[${field}][limit] must be a whole number from 1 to ${limits.maxLimit}.`)
    }
    if (!isAbsent(join.page)) {
      const page = integerOf(join.page)
      if (page === undefined || page < 1) return refuse('joins', `joins[${field}][page] must be a whole number from 1.`)
    }
  }
  return undefined
}

/**
 * Checks one read's parameters before Payload sees them and decides the values it runs with:
 * `id` of the entity's id type (else 404), `page` a positive integer, `limit` an integer clamped to
 * 1..maxLimit (also when `pagination=false`), `depth` clamped to 0..maxDepth, `sort` and `where`
 * on known fields with known operators, no NUL bytes anywhere. Pure: no I/O, no Payload.
 */
export const checkReadParams = ({ operation, shape, params, id, limits, defaultDepth, jsonStrings = false }: ReadRequest): ReadVerdict => {
  const versions = VERSIONS.has(operation)
  if (shape && versions && !shape.versions) return notFound('versions')
  if (shape && BY_ID.has(operation) && !isPossibleId(id, versions ? shape.versionIdType : shape.idType)) return notFound('id')

  for (const [key, value] of Object.entries(params)) {
    if (containsNul(value) || key.includes('\u0000')) return refuse(key, `${key} must not contain NUL bytes.`)
  }

  for (const key of ['locale', 'fallback-locale', 'fallbackLocale']) {
    if (!isAbsent(params[key]) && typeof params[key] !== 'string') return refuse(key, `${key} must be given once, as a locale code.`)
  }

  const applied: AppliedParams = {}

  if (operation !== 'count' && operation !== 'countVersions') {
    if (isAbsent(params.depth)) {
      if (defaultDepth > limits.maxDepth) applied.depth = limits.maxDepth
    } else {
      const depth = integerOf(params.depth)
      if (depth === undefined) return refuse('depth', 'depth must be a whole number.')
      applied.depth = clamp(depth, 0, limits.maxDepth)
    }
  }

  if (LISTS.has(operation)) {
    if (!isAbsent(params.page)) {
      const page = integerOf(params.page)
      if (page === undefined || page < 1) return refuse('page', 'page must be a whole number from 1.')
      applied.page = page
    }
    const unpaginated = params.pagination === false || params.pagination === 'false'
    if (isAbsent(params.limit)) {
      // `pagination=false` would return every match: it gets the cap instead.
      if (unpaginated) applied.limit = limits.maxLimit
    } else {
      const limit = integerOf(params.limit)
      if (limit === undefined) return refuse('limit', 'limit must be a whole number.')
      applied.limit = clamp(limit, 1, limits.maxLimit)
    }
    if (!isAbsent(params.sort) && shape) {
      const problem = checkSort(params.sort, versions ? shape.versionFields : shape.fields, shape.locales)
      if (problem) return { ok: false, status: 400, problems: [problem] }
    }
  }

  const joinsProblem = checkJoins(params.joins, limits)
  if (joinsProblem) return joinsProblem

  // By-id reads ignore `where`, but Payload's REST handler still JSON-parses it (a 500 when it is
  // not JSON): a `where` given to any read must be well-formed.
  if (!isAbsent(params.where)) {
    const where = jsonStrings ? parseJson(params.where) : { ok: true as const, value: params.where }
    if (!where.ok) return refuse('where', 'where must be an object, e.g. where[title][equals]=value, or a JSON object.')
    const problem = checkWhere(where.value, shape ? (versions ? shape.versionFields : shape.fields) : undefined, shape?.locales ?? [])
    if (problem) return { ok: false, status: 400, problems: [problem] }
  }

  // Payload's REST reads JSON-parse `data` and use it as an object.
  if (jsonStrings && typeof params.data === 'string' && params.data !== '') {
    const data = parseJson(params.data)
    if (!data.ok || !isObject(data.value)) return refuse('data', 'data must be a JSON object.')
  }

  return { ok: true, applied }
}
