import type { CollectionConfig, CollectionSlug, FieldAccess } from 'payload'

import { authenticated } from '../auth/access/authenticated'
import { ownRecords } from '../auth/access/ownRecords'
import { assignCurrentUser } from './hooks/assignCurrentUser'
import { setItemKey } from './hooks/setItemKey'

export { assignCurrentUser } from './hooks/assignCurrentUser'

const nobodyWrites: FieldAccess = () => false

/**
 * Favorites of both products. Which collections can be favorited is handed in by the config (the
 * platform never imports a domain). A user has one favorite per item (unique user + itemKey).
 */
export const createFavoritesCollection = ({ itemCollections }: { itemCollections: CollectionSlug[] }): CollectionConfig => ({
  slug: 'favorites',
  admin: { group: 'Users', defaultColumns: ['user', 'item', 'createdAt'] },
  access: { read: ownRecords, create: authenticated, update: ownRecords, delete: ownRecords },
  indexes: [{ fields: ['user', 'itemKey'], unique: true }],
  hooks: { beforeChange: [assignCurrentUser('user'), setItemKey] },
  fields: [
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: { update: nobodyWrites },
      admin: { readOnly: true },
    },
    { name: 'item', type: 'relationship', relationTo: itemCollections, required: true },
    { name: 'itemKey', type: 'text', index: true, hidden: true },
  ],
})
