import type { CollectionSlug, FieldHook, PayloadRequest } from 'payload'

import { isStaffUser } from '../roles'

type Ref = { relationTo: string; id: string | number }
type Value = unknown

const refOf = (value: Value, relationTo?: string): Ref | null => {
  if (value === null || value === undefined) return null
  if (relationTo) {
    const id = typeof value === 'object' ? (value as { id?: unknown }).id : value
    return typeof id === 'string' || typeof id === 'number' ? { relationTo, id } : null
  }
  const poly = value as { relationTo?: unknown; value?: unknown }
  if (typeof poly !== 'object' || typeof poly.relationTo !== 'string') return null
  return refOf(poly.value, poly.relationTo)
}

/** Ids of `ids` in `collection` that are published (one query per target collection). */
const publishedIds = async (req: PayloadRequest, collection: string, ids: (string | number)[]): Promise<Set<string>> => {
  const { docs } = await req.payload.find({
    collection: collection as CollectionSlug,
    where: { and: [{ id: { in: ids } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: ids.length,
    pagination: false,
    select: {},
    overrideAccess: true,
    req,
  })
  return new Set(docs.map((doc) => String(doc.id)))
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
    const values: Value[] = Array.isArray(value) ? value : [value]
    const refs = values.map((entry) => refOf(entry, relationTo))
    const byCollection = new Map<string, (string | number)[]>()
    for (const ref of refs) {
      if (!ref) continue
      const config = req.payload.collections[ref.relationTo as CollectionSlug]?.config
      if (!config?.versions || typeof config.versions !== 'object' || !config.versions.drafts) continue
      byCollection.set(ref.relationTo, [...(byCollection.get(ref.relationTo) ?? []), ref.id])
    }
    if (byCollection.size === 0) return value
    const visible = new Map<string, Set<string>>()
    for (const [collection, ids] of byCollection) visible.set(collection, await publishedIds(req, collection, ids))
    const keep = values.filter((_, index) => {
      const ref = refs[index]
      const allowed = ref && visible.get(ref.relationTo)
      return !allowed || allowed.has(String(ref.id))
    })
    return Array.isArray(value) ? keep : (keep[0] ?? null)
  }
