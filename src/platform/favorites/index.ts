import type { CollectionConfig, CollectionSlug, FieldAccess } from 'payload'

import { platformAccessPolicy } from '../accessPolicy'
import { collectionAccess } from '../auth/access/policy'
import { assignCurrentUser } from './hooks/assignCurrentUser'
import { countFavoriteAdded, countFavoriteRemoved } from './hooks/countFavorites'
import { guardFavorite } from './hooks/guardFavorite'
import { setItemKey } from './hooks/setItemKey'
import { skipLockCheck } from './hooks/skipLockCheck'

export { assignCurrentUser } from './hooks/assignCurrentUser'
export { DuplicateFavoriteError } from './hooks/guardFavorite'

const nobodyWrites: FieldAccess = () => false

/**
 * Favorites of both products. Which collections can be favorited is handed in by the config (the
 * platform never imports a domain). A user has one favorite per item (unique user + itemKey): a
 * second one is a 409. An item collection with a `favoritesCount` field has it kept exact by the
 * hooks here, in the favorite's transaction. The item of a favorite never changes (remove and add).
 */
export const createFavoritesCollection = ({ itemCollections }: { itemCollections: CollectionSlug[] }): CollectionConfig => ({
  slug: 'favorites',
  admin: { group: 'Community', defaultColumns: ['user', 'item', 'createdAt'] },
  access: collectionAccess(platformAccessPolicy.collections.favorites),
  indexes: [{ fields: ['user', 'itemKey'], unique: true }],
  hooks: {
    beforeOperation: [skipLockCheck],
    beforeChange: [assignCurrentUser('user'), setItemKey, guardFavorite],
    afterChange: [countFavoriteAdded(itemCollections)],
    afterDelete: [countFavoriteRemoved(itemCollections)],
  },
  fields: [
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: { update: nobodyWrites },
      admin: { readOnly: true },
    },
    {
      name: 'item',
      type: 'relationship',
      relationTo: itemCollections,
      required: true,
      access: { update: nobodyWrites },
    },
    { name: 'itemKey', type: 'text', index: true, hidden: true },
  ],
})
