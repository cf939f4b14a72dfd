import type { FieldHook } from 'payload'

import { slugify } from '../slugify'

/** The slug follows `source` until an editor sets one; an explicit slug is normalised, not replaced. */
export const slugFrom =
  (source: string): FieldHook =>
  ({ value, data, originalDoc }) => {
    if (typeof value === 'string' && value.trim()) return slugify(value)
    const text = (data?.[source] ?? originalDoc?.[source]) as unknown
    return typeof text === 'string' ? slugify(text) || undefined : value
  }
