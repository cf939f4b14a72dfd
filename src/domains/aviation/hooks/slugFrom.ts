import type { FieldHook } from 'payload'

import { slugify } from '../slugify'

/**
 * The slug is made once from `source` (in whichever locale the document is created) and then kept:
 * the source is localised, and saving the English title must not move a Russian-born URL.
 * An explicit slug is normalised, not replaced.
 */
export const slugFrom =
  (source: string): FieldHook =>
  ({ value, data, originalDoc }) => {
    if (typeof value === 'string' && value.trim()) return slugify(value)
    if (typeof originalDoc?.slug === 'string' && originalDoc.slug) return originalDoc.slug
    const text = (data?.[source] ?? originalDoc?.[source]) as unknown
    return typeof text === 'string' ? slugify(text) || undefined : value
  }
