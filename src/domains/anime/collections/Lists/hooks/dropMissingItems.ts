import type { CollectionAfterReadHook } from 'payload'

/** An anime deleted from the catalog leaves an empty slot in lists (FK set null): skip those. */
export const dropMissingItems: CollectionAfterReadHook = ({ doc }) => {
  if (Array.isArray(doc.items)) doc.items = doc.items.filter((item: { anime?: unknown }) => item?.anime !== null && item?.anime !== undefined)
  return doc
}
