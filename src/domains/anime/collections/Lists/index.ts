import type { CollectionConfig } from 'payload'

import { collectionAccess, nobody } from '@/platform/auth'
import { animeAccessPolicy } from '../../accessPolicy'
import { assignCurrentUser } from '@/platform/favorites'
import { moderatorOrAdminField, ownerOrAdminField } from './access/updateLists'
import { dropMissingItems } from './hooks/dropMissingItems'

export { detachDeletedAnime } from './hooks/detachDeletedAnime'

const ownerField = { update: ownerOrAdminField }

/** Kitsu's user-made collections of anime ("lists"), private, unlisted or public. */
export const Lists: CollectionConfig = {
  slug: 'lists',
  admin: { group: 'Community', useAsTitle: 'name', defaultColumns: ['name', 'owner', 'visibility', 'hidden', 'updatedAt'] },
  access: collectionAccess(animeAccessPolicy.collections.lists),
  hooks: { beforeChange: [assignCurrentUser('owner')], afterRead: [dropMissingItems] },
  fields: [
    {
      name: 'owner',
      type: 'relationship',
      relationTo: 'users',
      index: true,
      access: { update: nobody },
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'name', type: 'text', required: true, maxLength: 200, access: ownerField },
    { name: 'description', type: 'textarea', maxLength: 2000, access: ownerField },
    {
      name: 'visibility',
      type: 'select',
      required: true,
      defaultValue: 'private',
      index: true,
      options: [
        { value: 'private', label: 'Private' },
        { value: 'unlisted', label: 'Unlisted (anyone with the link)' },
        { value: 'public', label: 'Public' },
      ],
      access: ownerField,
      admin: { position: 'sidebar' },
    },
    {
      name: 'hidden',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { create: moderatorOrAdminField, update: moderatorOrAdminField },
      admin: { position: 'sidebar', description: 'Hidden by a moderator: no longer shown publicly.' },
    },
    {
      name: 'items',
      type: 'array',
      maxRows: 5000,
      access: ownerField,
      fields: [
        { name: 'anime', type: 'relationship', relationTo: 'anime', required: true },
        { name: 'note', type: 'text', maxLength: 500 },
        { name: 'addedAt', type: 'date', defaultValue: () => new Date().toISOString() },
      ],
    },
  ],
}
