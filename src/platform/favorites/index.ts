import type { CollectionConfig, CollectionSlug } from 'payload'

import { platformAccessPolicy } from '../accessPolicy'
import { collectionAccess, nobody } from '../auth'
import { assignCurrentUser } from './hooks/assignCurrentUser'
import { countFavoriteAdded, countFavoriteRemoved } from './hooks/countFavorites'
import { guardFavorite } from './hooks/guardFavorite'
import { setItemKey } from './hooks/setItemKey'
import { skipLockCheck } from './hooks/skipLockCheck'

export { assignCurrentUser } from './hooks/assignCurrentUser'
export { DuplicateFavoriteError } from './hooks/guardFavorite'

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
      access: { update: nobody },
      admin: { readOnly: true },
    },
    {
      name: 'item',
      type: 'relationship',
      relationTo: itemCollections,
      required: true,
      access: { update: nobody },
    },
    { name: 'itemKey', type: 'text', index: true, hidden: true },
  ],
})
