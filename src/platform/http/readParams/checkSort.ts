import type { FieldShape } from './collectionShape'
import { fieldAtPath } from './fieldPaths'
import type { ParamProblem } from './problems'

/**
 * `sort` only on fields the entity has and the caller may see (hidden fields are unknown): Payload
 * would ignore an unknown one silently. `-` sorts descending; several are separated by commas.
 * Whether the caller may read a field is Payload's to check (validateSortQuery: 400).
 */
export const checkSort = (sort: unknown, fields: readonly FieldShape[], locales: readonly string[]): ParamProblem | undefined => {
  const items = Array.isArray(sort) ? sort : [sort]
  for (const item of items) {
    if (typeof item !== 'string') return { field: 'sort', message: 'sort must be a field name, or several separated by commas.' }
    for (const part of item.split(',')) {
      const path = part.trim().replace(/^-/, '')
      if (path === '') continue
      if (!fieldAtPath(fields, path, locales)) return { field: 'sort', message: `Cannot sort by "${path}": no such field.` }
    }
  }
  return undefined
}
