import type { FieldShape } from './collectionShape'

/** What a path below a relationship or upload names: Payload checks it (and the related access). */
const BELOW_OPEN: FieldShape = { name: '*', kind: 'open', localized: false }

/** A JSON path into a JSON or rich-text column (Payload's `jsonb_path_exists` query). */
export const JSON_PATH: FieldShape = { name: '*', kind: 'open', localized: false }

/** The two parts of a polymorphic relationship a query may name: the related id and its collection. */
export const POLYMORPHIC_VALUE: FieldShape = { name: 'value', kind: 'open', localized: false }
export const POLYMORPHIC_RELATION_TO: FieldShape = { name: 'relationTo', kind: 'open', localized: false }

const below = (field: FieldShape & { kind: 'open' }, segment: string): FieldShape | undefined => {
  if (field.storage === 'json') return JSON_PATH
  if (field.storage === 'polymorphic')
    return segment === 'value' ? POLYMORPHIC_VALUE : segment === 'relationTo' ? POLYMORPHIC_RELATION_TO : undefined
  return BELOW_OPEN
}

/**
 * The field a dotted query path (`title`, `title.en`, `credits.role`, `genres.name`) names, or
 * undefined when no field of the entity has that path. Payload's own `__` separator counts as `.`.
 * Paths below an `open` field are left to Payload (it checks the related collection and access).
 */
export const fieldAtPath = (fields: readonly FieldShape[], path: string, locales: readonly string[]): FieldShape | undefined => {
  const segments = path.replace(/__/g, '.').split('.')
  let current: readonly FieldShape[] = fields
  let found: FieldShape | undefined
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index]!
    if (found) {
      // `title.en`: a locale of a localized field.
      if (found.localized && locales.includes(segment) && !current.some((field) => field.name === segment)) continue
      if (found.kind === 'open') {
        const part = below(found, segment)
        // `related.value` is the whole path there is below a polymorphic relationship.
        return part && (found.storage !== 'polymorphic' || index === segments.length - 1) ? part : undefined
      }
      if (found.kind !== 'nested') return undefined
    }
    found = current.find((field) => field.name === segment)
    if (!found) return undefined
    current = found.kind === 'nested' ? found.fields : []
  }
  return found
}
