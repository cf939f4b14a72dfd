import type { CollectionConfig } from 'payload'

import { collectionAccess } from '@/platform/auth'
import { animeAccessPolicy } from '../accessPolicy'

/**
 * A user's viewing history: one row per user and anime, updated by POST /api/anime/:id/view
 * (which writes with overrideAccess); users read and delete their own.
 */
export const Views: CollectionConfig = {
  slug: 'views',
  admin: { group: 'Community', defaultColumns: ['user', 'anime', 'episode', 'lastViewedAt'] },
  defaultSort: '-lastViewedAt',
  access: collectionAccess(animeAccessPolicy.collections.views),
  indexes: [{ fields: ['user', 'anime'], unique: true }],
  fields: [
    { name: 'user', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'anime', type: 'relationship', relationTo: 'anime', required: true, index: true },
    { name: 'episode', type: 'number', min: 0 },
    { name: 'progressSeconds', type: 'number', min: 0 },
    { name: 'lastViewedAt', type: 'date', required: true, index: true },
  ],
}
