import type { FieldShape } from './collectionShape'

/** What a path below a relationship, upload, JSON or rich-text field names: Payload checks it. */
const BELOW_OPEN: FieldShape = { name: '*', kind: 'open', localized: false }

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
      if (found.kind === 'open') return BELOW_OPEN
      if (found.kind !== 'nested') return undefined
    }
    found = current.find((field) => field.name === segment)
    if (!found) return undefined
    current = found.kind === 'nested' ? found.fields : []
  }
  return found
}
