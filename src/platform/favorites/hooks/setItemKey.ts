import type { CollectionBeforeChangeHook } from 'payload'

type PolymorphicValue = { relationTo?: unknown; value?: unknown } | null | undefined

/** `<collection>:<id>` of the favorited item: with the user, the key of a unique index. */
export const setItemKey: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const item = (data.item ?? originalDoc?.item) as PolymorphicValue
  if (!item || typeof item.relationTo !== 'string') return data
  const id = typeof item.value === 'object' && item.value !== null ? (item.value as { id?: unknown }).id : item.value
  return { ...data, itemKey: `${item.relationTo}:${String(id)}` }
}
