import type { CollectionBeforeOperationHook, CollectionSlug, FlattenedField } from 'payload'

import { UnsupportedJoinSortError } from './UnsupportedJoinSortError'

type JoinArgs = { joins?: Record<string, false | { sort?: unknown } | undefined> | false }

/** The localized field a sort path goes through (`name`, `group.title`...), if any. */
const localizedFieldOn = (fields: FlattenedField[], path: string): string | undefined => {
  let current = fields
  for (const segment of path.split('.')) {
    const field = current.find((candidate) => candidate.name === segment)
    if (!field) return undefined
    if ('localized' in field && field.localized) return field.name
    if (field.type !== 'group' && field.type !== 'tab') return undefined
    current = field.flattenedFields
  }
  return undefined
}

/**
 * @payloadcms/drizzle 3.90.1 cannot sort a join by a localized field: its join subquery sorts
 * against the un-aliased table ("invalid reference to FROM-clause entry", a 500 for anyone, e.g.
 * `GET /api/design-bureaus/1?joins[designers][sort]=name`). Such a sort is refused with a 400
 * naming the parameter. Join fields' own defaults are kept off localized fields by
 * tests/int/domains/aviation/draftJoins.int.spec.ts.
 */
export const refuseLocalizedJoinSort: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const { joins } = args as JoinArgs
  if (!joins || typeof joins !== 'object' || !req.payload.config.localization) return args
  const declared = Object.values(collection.joins ?? {}).flat()
  for (const [joinPath, query] of Object.entries(joins)) {
    if (!query || typeof query !== 'object' || !query.sort) continue
    const join = declared.find((candidate) => candidate.joinPath === joinPath)
    if (!join || Array.isArray(join.field.collection)) continue
    const target = req.payload.collections[join.field.collection as CollectionSlug]?.config
    if (!target) continue
    const sorts = Array.isArray(query.sort) ? query.sort.map(String) : String(query.sort).split(',')
    for (const sort of sorts) {
      const path = sort.trim().replace(/^-/, '').replace(/__/g, '.')
      const localized = localizedFieldOn(target.flattenedFields, path)
      if (localized) {
        throw new UnsupportedJoinSortError(`joins[${joinPath}][sort]`, target.slug, localized)
      }
    }
  }
  return args
}
