import type { CollectionAfterReadHook } from 'payload'

import type { List } from '@/payload-types'

/** An anime deleted from the catalog leaves an empty slot in lists (FK set null): skip those. */
export const dropMissingItems: CollectionAfterReadHook<List> = ({ doc }) => {
  if (Array.isArray(doc.items))
    doc.items = doc.items.filter((item: { anime?: unknown }) => item?.anime !== null && item?.anime !== undefined)
  return doc
}
