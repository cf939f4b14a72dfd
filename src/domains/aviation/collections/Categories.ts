import type { CollectionConfig } from 'payload'

import { collectionAccess, publishedUnlessReadsDrafts } from '@/platform/auth'
import { aviationAccessPolicy } from '../accessPolicy'
import { slugField } from '@/platform/fields/slug'

/** Article categories ("history", "design", ...): public, ordered, with their articles joined. */
export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: { singular: 'Category', plural: 'Categories' },
  admin: {
    group: 'Aviation',
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'order', 'updatedAt'],
    listSearchableFields: ['name', 'slug'],
  },
  defaultSort: 'order',
  access: collectionAccess(aviationAccessPolicy.collections.categories),
  // `?draft=true` would make the articles join read drafts' latest versions: only for those who may.
  hooks: { beforeOperation: [publishedUnlessReadsDrafts(aviationAccessPolicy.collections.articles.readDrafts)] },
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, maxLength: 120 },
    slugField('name', { onUpdate: 'keep' }),
    { name: 'description', type: 'textarea', localized: true, maxLength: 2000 },
    { name: 'order', type: 'number', defaultValue: 0, index: true, admin: { position: 'sidebar', step: 1 } },
    // Access of articles applies to the join: the public sees published articles only.
    { name: 'articles', type: 'join', collection: 'articles', on: 'category', defaultSort: '-publishedAt', admin: { allowCreate: false } },
  ],
}
