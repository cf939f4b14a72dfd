type PolymorphicValue = { relationTo?: unknown; value?: unknown } | null | undefined

/** `{ relationTo, id }` of a polymorphic relationship value, populated or not; null when unset. */
export const itemOf = (value: unknown): { relationTo: string; id: string | number } | null => {
  const item = value as PolymorphicValue
  if (!item || typeof item.relationTo !== 'string') return null
  const raw = typeof item.value === 'object' && item.value !== null ? (item.value as { id?: unknown }).id : item.value
  if (typeof raw !== 'string' && typeof raw !== 'number') return null
  return { relationTo: item.relationTo, id: raw }
}
