import type { CollectionConfig } from 'payload'

import { image, polymorphicReference } from '../../fields/references'
import { localizedRichText } from '../../fields/richText'
import { nobody } from '@/platform/auth'
import { slugField } from '@/platform/fields/slug'
import { withEditorialWorkflow } from '../../workflow/withEditorialWorkflow'
import { aviationAccessPolicy } from '../../accessPolicy'
import { setAuthorFromUser } from './hooks/setAuthorFromUser'
import { stampPublishedAt } from './hooks/stampPublishedAt'

/** Encyclopedia entries an article can point at. */
export const ENTRY_COLLECTIONS = ['aircraft', 'design-bureaus', 'designers', 'manufacturers', 'personalities', 'historical-events'] as const

export const Articles: CollectionConfig = withEditorialWorkflow(
  {
    slug: 'articles',
    labels: { singular: 'Article', plural: 'Articles' },
    admin: {
      group: 'Aviation',
      useAsTitle: 'title',
      defaultColumns: ['title', 'category', 'workflowStatus', '_status', 'author', 'publishedAt', 'updatedAt'],
      listSearchableFields: ['title', 'slug', 'excerpt'],
    },
    defaultSort: '-publishedAt',
    hooks: { beforeChange: [setAuthorFromUser, stampPublishedAt] },
    fields: [
      { name: 'title', type: 'text', required: true, localized: true, maxLength: 300 },
      slugField('title', { onUpdate: 'keep' }),
      { name: 'excerpt', type: 'textarea', localized: true, maxLength: 1000 },
      localizedRichText('body'),
      image('cover'),
      {
        name: 'category',
        type: 'relationship',
        relationTo: 'categories',
        index: true,
        admin: { position: 'sidebar' },
      },
      { name: 'tags', type: 'text', hasMany: true, maxLength: 60, admin: { position: 'sidebar' } },
      polymorphicReference('related', [...ENTRY_COLLECTIONS], { label: 'Related entries' }),
      // Set on create from the token (setAuthorFromUser); nobody reassigns it through the API.
      {
        name: 'author',
        type: 'relationship',
        relationTo: 'users',
        index: true,
        access: { create: nobody, update: nobody },
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'publishedAt',
        type: 'date',
        index: true,
        admin: { position: 'sidebar', description: 'Set on first publication unless chosen.' },
      },
    ],
  },
  aviationAccessPolicy.collections.articles,
  { drafts: { autosave: { interval: 2000 }, schedulePublish: true }, maxPerDoc: 50 },
)
