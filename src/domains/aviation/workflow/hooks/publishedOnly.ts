import type { FieldHook } from 'payload'

import { type Ref, unpublishedKeys } from '../publishedIds'
import { isStaffUser } from '../roles'

const refOf = (value: unknown, relationTo?: string): Ref | null => {
  if (value === null || value === undefined) return null
  if (relationTo) {
    const id = typeof value === 'object' ? (value as { id?: unknown }).id : value
    return typeof id === 'string' || typeof id === 'number' ? { relationTo, id } : null
  }
  const poly = value as { relationTo?: unknown; value?: unknown }
  if (typeof poly !== 'object' || typeof poly.relationTo !== 'string') return null
  return refOf(poly.value, poly.relationTo)
}

/**
 * Payload leaves the id of a related document the reader may not see in place ("ids are visible
 * regardless of access control"): for anyone but staff, references to unpublished documents of
 * drafts-enabled collections are dropped, so a published article never reveals a draft aircraft.
 * Runs before population, when values are still ids.
 */
export const publishedOnly =
  (relationTo?: string): FieldHook =>
  async ({ value, req }) => {
    if (isStaffUser(req.user) || value === null || value === undefined) return value
    const values: unknown[] = Array.isArray(value) ? value : [value]
    const refs = values.map((entry) => refOf(entry, relationTo))
    const hidden = await unpublishedKeys(
      req,
      refs.filter((ref): ref is Ref => ref !== null),
    )
    if (hidden.size === 0) return value
    const keep = values.filter((_, index) => {
      const ref = refs[index]
      return !ref || !hidden.has(`${ref.relationTo}:${String(ref.id)}`)
    })
    return Array.isArray(value) ? keep : (keep[0] ?? null)
  }
