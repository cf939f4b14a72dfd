import type { CollectionSlug, RelationshipField, UploadField } from 'payload'

import { publishedOnly } from '../workflow/hooks/publishedOnly'

type Options = { hasMany?: boolean; index?: boolean; label?: string; description?: string }

/** A relationship to one collection that never shows the public an unpublished document. */
export const reference = (
  name: string,
  relationTo: CollectionSlug,
  { hasMany = false, index = true, label, description }: Options = {},
): RelationshipField =>
  ({
    name,
    type: 'relationship',
    relationTo,
    hasMany,
    index,
    ...(label ? { label } : {}),
    ...(description ? { admin: { description } } : {}),
    hooks: { afterRead: [publishedOnly(relationTo)] },
  }) as RelationshipField

/** A polymorphic relationship with the same guarantee. */
export const polymorphicReference = (name: string, relationTo: CollectionSlug[], { label }: Options = {}): RelationshipField => ({
  name,
  type: 'relationship',
  relationTo,
  hasMany: true,
  ...(label ? { label } : {}),
  hooks: { afterRead: [publishedOnly()] },
})

export const image = (name: string, hasMany = false): UploadField => ({ name, type: 'upload', relationTo: 'media', hasMany }) as UploadField

/** Calendar dates: a day is enough for first flights, births and foundings. */
export const dayOnly = { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'yyyy-MM-dd' } }
