import type { FieldShape } from './collectionShape'
import { fieldAtPath, JSON_PATH, POLYMORPHIC_RELATION_TO, POLYMORPHIC_VALUE } from './fieldPaths'
import type { ParamProblem } from './problems'
import { COMPARING_OPERATORS, WHERE_OPERATORS } from './whereOperators'

/** How deep `and`/`or` may nest: deep enough for any filter the admin panel builds. */
const MAX_NESTING = 8

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A NUL byte anywhere in a value: PostgreSQL refuses it in text, so it can never match. */
export const containsNul = (value: unknown, budget = { left: 10_000 }): boolean => {
  if (--budget.left < 0) return false
  if (typeof value === 'string') return value.includes('\u0000')
  if (Array.isArray(value)) return value.some((item) => containsNul(item, budget))
  if (isPlainObject(value)) return Object.entries(value).some(([key, item]) => key.includes('\u0000') || containsNul(item, budget))
  return false
}

const INTEGER = /^-?\d{1,15}$/
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/

/** Numbers a column can hold: finite, and no larger in size than JavaScript counts exactly. */
const isNumeric = (value: unknown): boolean => {
  const number = typeof value === 'number' ? value : typeof value === 'string' && NUMBER.test(value.trim()) ? Number(value) : NaN
  return Number.isFinite(number) && Math.abs(number) <= Number.MAX_SAFE_INTEGER
}

const isDate = (value: unknown): boolean =>
  (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Date.parse(value))) ||
  (typeof value === 'number' && Number.isFinite(value))

const fitsInteger = (item: unknown): boolean => {
  const text = typeof item === 'number' ? String(item) : typeof item === 'string' ? item.trim() : ''
  return INTEGER.test(text) && Math.abs(Number(text)) < 2 ** 31
}

/** Values compared with a number or date column must be of its type, or the database errors. */
const valuesFit = (field: FieldShape, operator: string, value: unknown): boolean => {
  // Only the list operators split a comma-separated string (drizzle's sanitizeQueryValue): for
  // `equals`, "6,37" is one value, and no id.
  const values = Array.isArray(value) ? value : LIST_OPERATORS.has(operator) && typeof value === 'string' ? value.split(',') : [value]
  const idOrNumber = field.kind === 'serial' || field.kind === 'number' || (field.kind === 'open' && field.valueKind === 'serial')
  const fits = (item: unknown): boolean => {
    // "No value" matches null for one value; in a list of ids or numbers it reaches PostgreSQL as
    // NaN or '' (a 500).
    if (item === null || item === undefined || item === '' || item === 'null') return !(idOrNumber && LIST_OPERATORS.has(operator))
    // Serial ids are PostgreSQL integers: anything else is an error there, not a miss.
    if (field.kind === 'serial' || (field.kind === 'open' && field.valueKind === 'serial')) return fitsInteger(item)
    if (field.kind === 'number') return isNumeric(item)
    if (field.kind === 'date') return isDate(item)
    // An enum column: any other value is an error in PostgreSQL, not a miss.
    if (field.kind === 'text' && field.options) return field.options.includes(String(item))
    return true
  }
  return values.every(fits)
}

const GEO_OPERATORS: ReadonlySet<string> = new Set(['near', 'within', 'intersects'])

/** Operators that take a list of values (or a comma-separated string); the others take one value. */
const LIST_OPERATORS: ReadonlySet<string> = new Set(['in', 'not_in', 'all'])

/** Numbers, ids, dates, booleans and relationships are compared, not matched as text or places. */
const TYPED_OPERATORS: ReadonlySet<string> = new Set([...COMPARING_OPERATORS, 'exists'])
const isTyped = (field: FieldShape): boolean =>
  field.kind === 'number' ||
  field.kind === 'serial' ||
  field.kind === 'date' ||
  field.kind === 'boolean' ||
  (field.kind === 'open' && field.valueKind !== undefined)

const kindName = (field: FieldShape): string => (field.kind === 'serial' || (field.kind === 'open' && field.valueKind) ? 'id' : field.kind)

/**
 * What Payload's PostgreSQL adapter can run on JSON columns and polymorphic relationships; every
 * other operator there failed in the database or the adapter (a 500): `ilike` on jsonb, a JSON path
 * operator it has no mapping for, "Not supported" on a polymorphic relationship itself.
 */
const OPERATORS_ON: ReadonlyMap<FieldShape, ReadonlySet<string>> = new Map([
  [JSON_PATH, new Set(['equals', 'not_equals', 'in', 'not_in', 'like', 'not_like', 'exists'])],
  [POLYMORPHIC_VALUE, new Set([...COMPARING_OPERATORS].filter((operator) => operator !== 'all'))],
  [POLYMORPHIC_RELATION_TO, new Set(['equals', 'not_equals'])],
])
const JSON_COLUMN_OPERATORS: ReadonlySet<string> = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])

const operatorsOn = (field: FieldShape): ReadonlySet<string> | undefined => {
  if (field.kind !== 'open') return undefined
  if (field.storage === 'json') return JSON_COLUMN_OPERATORS
  if (field.storage === 'polymorphic') return new Set()
  return OPERATORS_ON.get(field)
}

const operatorProblem = (path: string, operator: string, field: FieldShape): string | undefined => {
  const allowed = operatorsOn(field)
  if (!allowed || allowed.has(operator)) return undefined
  if (field.kind === 'open' && field.storage === 'polymorphic') {
    return `"${path}" relates to several collections: query ${path}.value (the related id) or ${path}.relationTo (its collection).`
  }
  return `The operator "${operator}" does not apply to "${path}"; it takes ${[...allowed].join(', ')}.`
}

/** `fields` undefined: the entity is not known yet, only the structure is checked. */
type Context = { fields: readonly FieldShape[] | undefined; locales: readonly string[] }

const checkConstraint = (path: string, constraint: unknown, context: Context): string | undefined => {
  const field = context.fields ? fieldAtPath(context.fields, path, context.locales) : undefined
  if (context.fields && !field) return `Unknown field "${path}": it does not exist or cannot be queried.`
  if (!isPlainObject(constraint)) return `"${path}" needs an operator, e.g. where[${path}][equals]=value.`
  const operators = Object.keys(constraint)
  if (operators.length === 0) return `"${path}" needs an operator, e.g. where[${path}][equals]=value.`
  for (const operator of operators) {
    if (!WHERE_OPERATORS.has(operator)) return `Unknown operator "${operator}" on "${path}"; known: ${[...WHERE_OPERATORS].join(', ')}.`
    const value = constraint[operator]
    if (isPlainObject(value) && operator !== 'near' && operator !== 'within' && operator !== 'intersects') {
      return `The value of ${path}.${operator} must be a value or a list, not an object.`
    }
    // `equals` with a list is compared as one array value: a type error in PostgreSQL for ids,
    // numbers, dates and choices, a silent miss for text.
    if (Array.isArray(value) && !LIST_OPERATORS.has(operator) && !GEO_OPERATORS.has(operator)) {
      return `The value of ${path}.${operator} must be a single value; use "in" for a list.`
    }
    const unsupported = field && operatorProblem(path, operator, field)
    if (unsupported) return unsupported
    if (field && GEO_OPERATORS.has(operator) && !(field.kind === 'open' && field.point)) {
      return `The operator "${operator}" applies only to point fields, not to "${path}".`
    }
    // Payload's PostgreSQL adapter has no "all" (its operator map leaves it out): a TypeError on
    // every field, lists included.
    if (operator === 'all') return `The operator "all" is not available here; use one condition per value under "and".`
    // A select is a PostgreSQL enum: matching it as text (like, contains) is an error there.
    if (field && field.kind === 'text' && field.options && !TYPED_OPERATORS.has(operator)) {
      return `The operator "${operator}" does not apply to "${path}" (a choice of ${field.options.join(', ')}).`
    }
    if (field && isTyped(field) && !TYPED_OPERATORS.has(operator)) {
      return `The operator "${operator}" does not apply to "${path}" (a ${kindName(field)}).`
    }
    if (field && COMPARING_OPERATORS.has(operator) && !valuesFit(field, operator, value)) {
      return `The value of ${path}.${operator} is not a valid ${kindName(field)}.`
    }
  }
  return undefined
}

const checkClause = (where: unknown, context: Context, depth: number): string | undefined => {
  if (!isPlainObject(where)) return 'where must be an object, e.g. where[title][equals]=value.'
  if (depth > MAX_NESTING) return `where nests and/or deeper than ${MAX_NESTING} levels.`
  for (const [key, value] of Object.entries(where)) {
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      if (!Array.isArray(value)) return `where.${key} must be a list of conditions, e.g. where[${key}][0][title][equals]=value.`
      if (value.length === 0) return `where.${key} needs at least one condition.`
      for (const item of value) {
        const problem = checkClause(item, context, depth + 1)
        if (problem) return problem
      }
      continue
    }
    const problem = checkConstraint(key, value, context)
    if (problem) return problem
  }
  return undefined
}

/**
 * A well-formed `where`: an object of field paths the entity has (hidden fields are unknown) with
 * Payload's operators, `and`/`or` lists of the same, no NUL bytes, and numbers and dates where the
 * field is one. Field access is Payload's to check (it answers 400 QueryError for a field the
 * caller may not read).
 */
export const checkWhere = (
  where: unknown,
  fields: readonly FieldShape[] | undefined,
  locales: readonly string[],
): ParamProblem | undefined => {
  if (containsNul(where)) return { field: 'where', message: 'where must not contain NUL bytes.' }
  const message = checkClause(where, { fields, locales }, 0)
  return message ? { field: 'where', message } : undefined
}
