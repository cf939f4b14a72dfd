import type { CollectionSlug, PayloadRequest } from 'payload'

export type Ref = { relationTo: string; id: string | number }

/** Whether a collection has drafts (so its documents can be unpublished). */
export const hasDrafts = (req: PayloadRequest, slug: string): boolean => {
  const versions = req.payload.collections[slug as CollectionSlug]?.config.versions
  return Boolean(versions && typeof versions === 'object' && versions.drafts)
}

/**
 * `<collection>:<id>` keys of the refs that point at unpublished documents of drafts-enabled
 * collections: one query per collection, in the request's transaction.
 */
export const unpublishedKeys = async (req: PayloadRequest, refs: Ref[]): Promise<Set<string>> => {
  const byCollection = new Map<string, Set<string | number>>()
  for (const ref of refs) {
    if (!hasDrafts(req, ref.relationTo)) continue
    byCollection.set(ref.relationTo, (byCollection.get(ref.relationTo) ?? new Set()).add(ref.id))
  }
  const hidden = new Set<string>()
  for (const [collection, idSet] of byCollection) {
    const ids = [...idSet]
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
    const published = new Set(docs.map((doc) => String(doc.id)))
    for (const id of ids) if (!published.has(String(id))) hidden.add(`${collection}:${String(id)}`)
  }
  return hidden
}
