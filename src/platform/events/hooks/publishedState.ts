import type { CollectionSlug, PayloadRequest } from 'payload'

/**
 * For collections with drafts, whether the live document (the collection's own row, not a draft
 * version) is published. A draft save leaves that row alone, so this, not the saved version's
 * `_status`, tells what the public sees.
 */
export const isLivePublished = async (req: PayloadRequest, collection: string, id: number | string): Promise<boolean> => {
  const live = (await req.payload.db.findOne({
    collection: collection as CollectionSlug,
    where: { id: { equals: id } },
    req,
  })) as { _status?: string } | null
  return live?._status === 'published'
}

/** Where rememberPublishedState leaves the state before the change for the afterChange hook. */
export const publishedBeforeKey = (collection: string, id: number | string): string => `events.publishedBefore.${collection}.${id}`
