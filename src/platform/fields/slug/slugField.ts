import type { FieldHook, TextField } from 'payload'

import { SLUG_MAX_LENGTH, slugify } from './slugify'
import { uniqueSlug } from './uniqueSlug'

export type SlugFieldOptions = {
  /**
   * `follow`: the slug is made again from the source whenever a write leaves the slug out (anime,
   * genres, studios). `keep`: made once, then kept (aviation: the source is localised, and saving the
   * English name must not move a Russian-born URL).
   */
  onUpdate?: 'follow' | 'keep'
}

/**
 * The slug of a document: made from `source` unless an editor sets one; a made slug that another
 * document already has becomes `slug-2`, `slug-3`, ...; an explicit slug is normalised and, if taken,
 * refused by the unique index (400 naming `slug`): an editor who typed a URL should not get another.
 */
export const slugFrom =
  (source: string, { onUpdate = 'follow' }: SlugFieldOptions = {}): FieldHook =>
  async ({ value, data, originalDoc, collection, req }) => {
    if (typeof value === 'string' && value.trim()) return slugify(value)
    if (onUpdate === 'keep' && typeof originalDoc?.slug === 'string' && originalDoc.slug) return originalDoc.slug
    const text = (data?.[source] ?? originalDoc?.[source]) as unknown
    const made = typeof text === 'string' ? slugify(text) : ''
    if (!made) return value
    if (!collection) return made
    if (made === originalDoc?.slug) return made
    return uniqueSlug(req, collection.slug, made, originalDoc?.id as number | string | undefined)
  }

/** A unique, indexed slug, not localised (one URL per entry); see `slugFrom`. */
export const slugField = (source: string, options: SlugFieldOptions = {}): TextField => ({
  name: 'slug',
  type: 'text',
  unique: true,
  index: true,
  maxLength: SLUG_MAX_LENGTH,
  admin: { position: 'sidebar', description: `Generated from the ${source} unless set.` },
  hooks: { beforeValidate: [slugFrom(source, options)] },
})
