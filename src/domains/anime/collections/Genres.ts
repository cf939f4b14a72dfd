import type { CollectionConfig } from 'payload'

import { collectionAccess } from '@/platform/auth'
import { slugField } from '@/platform/fields/slug'
import { animeAccessPolicy } from '../accessPolicy'

/** Genres and studios share their shape: a name, a slug, a description, and the anime that use them. */
export const taxonomyCollection = (slug: 'genres' | 'studios', singular: string, plural: string): CollectionConfig => ({
  slug,
  labels: { singular, plural },
  admin: { group: 'Anime', useAsTitle: 'name', defaultColumns: ['name', 'slug', 'updatedAt'] },
  access: collectionAccess(animeAccessPolicy.collections[slug]),
  // Populated into an anime (depth >= 1), a genre is its own fields, not the join listing every anime
  // of the genre: that join sorted thousands of rows per populated genre and made an anime list
  // page several times slower.
  defaultPopulate: { name: true, slug: true, description: true, createdAt: true, updatedAt: true },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, maxLength: 120 },
    slugField('name'),
    { name: 'description', type: 'textarea', maxLength: 2000 },
    { name: 'anime', type: 'join', collection: 'anime', on: slug, admin: { allowCreate: false } },
  ],
})

export const Genres = taxonomyCollection('genres', 'Genre', 'Genres')
