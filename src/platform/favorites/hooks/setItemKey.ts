import type { CollectionBeforeChangeHook } from 'payload'

import type { Favorite } from '@/payload-types'
import { itemOf } from './itemOf'

/** `<collection>:<id>` of the favorited item: with the user, the key of a unique index. */
export const setItemKey: CollectionBeforeChangeHook<Favorite> = ({ data, originalDoc }) => {
  const item = itemOf(data.item ?? originalDoc?.item)
  if (!item) return data
  return { ...data, itemKey: `${item.relationTo}:${String(item.id)}` }
}
