import type { CollectionConfig } from 'payload'

import { collectionAccess, nobody, publishedUnlessReadsDrafts } from '@/platform/auth'
import { slugField } from '@/platform/fields/slug'
import { animeAccessPolicy } from '../../accessPolicy'
import { animeEndpoints } from '../../endpoints'
import { ageRatingOptions, kindOptions, seasonOptions, statusOptions } from '../../options'
import { buildSearchText } from './hooks/buildSearchText'
import { detachDeletedAnime } from '../Lists/hooks/detachDeletedAnime'
import { searchIndexHooks } from '../../search/memory/refreshAfterCommit'

export const Anime: CollectionConfig = {
  slug: 'anime',
  // Singular and plural would both be "Anime" (and the list query `allAnime`).
  graphQL: { singularName: 'Anime', pluralName: 'Animes' },
  labels: { singular: 'Anime', plural: 'Anime' },
  admin: {
    group: 'Anime',
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'status', 'year', 'score', '_status', 'updatedAt'],
    listSearchableFields: ['title', 'titleEnglish', 'slug'],
  },
  versions: { drafts: true, maxPerDoc: 20 },
  // Drafts and version history are for staff (src/domains/anime/accessPolicy.ts).
  access: collectionAccess(animeAccessPolicy.collections.anime),
  endpoints: animeEndpoints,
  hooks: {
    // `?draft=true` reads drafts only for those the policy lets (staff).
    beforeOperation: [publishedUnlessReadsDrafts(animeAccessPolicy.collections.anime.readDrafts)],
    beforeChange: [buildSearchText],
    beforeDelete: [detachDeletedAnime],
    ...searchIndexHooks,
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 300, admin: { description: 'Romaji title' } },
    {
      type: 'row',
      fields: [
        { name: 'titleEnglish', type: 'text', maxLength: 300 },
        { name: 'titleJapanese', type: 'text', maxLength: 300 },
        { name: 'titleRussian', type: 'text', maxLength: 300 },
      ],
    },
    {
      name: 'altTitles',
      type: 'array',
      labels: { singular: 'Alternative title', plural: 'Alternative titles' },
      fields: [{ name: 'title', type: 'text', required: true, maxLength: 300 }],
    },
    slugField('title'),
    { name: 'synopsis', type: 'richText' },
    {
      type: 'row',
      fields: [
        { name: 'kind', type: 'select', options: kindOptions, index: true },
        // Own enum name: the default (enum_anime_status) is taken by the drafts' _status.
        // Labelled apart from the drafts' `_status` ("Status"): both are columns of the admin list.
        {
          name: 'status',
          label: 'Airing status',
          type: 'select',
          options: statusOptions,
          index: true,
          enumName: 'enum_anime_airing_status',
        },
        { name: 'ageRating', type: 'select', options: ageRatingOptions },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'episodes', type: 'number', min: 0, max: 100_000, admin: { step: 1 } },
        { name: 'episodeMinutes', type: 'number', min: 0, max: 1_000 },
        { name: 'season', type: 'select', options: seasonOptions, index: true },
        { name: 'year', type: 'number', min: 1900, max: 2100, index: true },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'airedFrom', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
        { name: 'airedTo', type: 'date', admin: { date: { pickerAppearance: 'dayOnly' } } },
      ],
    },
    { name: 'genres', type: 'relationship', relationTo: 'genres', hasMany: true, index: true },
    { name: 'studios', type: 'relationship', relationTo: 'studios', hasMany: true, index: true },
    { name: 'poster', type: 'upload', relationTo: 'media' },
    { name: 'score', type: 'number', min: 0, max: 10, index: true, admin: { position: 'sidebar', step: 0.01 } },
    {
      name: 'externalIds',
      type: 'group',
      admin: { position: 'sidebar' },
      fields: [
        { name: 'mal', type: 'number', unique: true, min: 1 },
        { name: 'anilist', type: 'number', unique: true, min: 1 },
        { name: 'kitsu', type: 'number', unique: true, min: 1 },
      ],
    },
    // Counters are kept by the server (favorites, views); nobody writes them through the API.
    {
      name: 'viewCount',
      type: 'number',
      defaultValue: 0,
      index: true,
      access: { create: nobody, update: nobody },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'favoritesCount',
      type: 'number',
      defaultValue: 0,
      index: true,
      access: { create: nobody, update: nobody },
      admin: { position: 'sidebar', readOnly: true },
    },
    // Maintained by buildSearchText; indexed by the migration (trigram and full text).
    { name: 'searchTitles', type: 'text', hidden: true },
    { name: 'searchSynopsis', type: 'textarea', hidden: true },
  ],
}
