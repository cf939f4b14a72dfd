import type { CollectionConfig, CollectionSlug } from 'payload'

import { publishesEvents } from '../../platform/events'

import { Anime } from './collections/Anime'
import { Genres } from './collections/Genres'
import { Lists } from './collections/Lists'
import { Studios } from './collections/Studios'
import { Views } from './collections/Views'

export { animeAccessPolicy } from './accessPolicy'

/** Kitsu: what payload.config.ts needs from the anime domain. */
export const animeCollections: CollectionConfig[] = [
  // Catalog changes are domain events (outbox -> RabbitMQ); views are users' own.
  publishesEvents(Anime, { summaryFields: ['slug', 'title', 'titleEnglish', 'kind', 'year'] }),
  publishesEvents(Genres),
  publishesEvents(Studios),
  // Lists change for realtime subscribers too; the event carries no content (a list may be private).
  publishesEvents(Lists, { summary: () => ({}) }),
  Views,
]

/** Collections users can favorite. */
export const animeFavoriteTargets: CollectionSlug[] = ['anime']

/** Collections whose documents are deleted with their owner's account. */
export const animeOwnedCollections = [
  { collection: 'lists' as CollectionSlug, ownerField: 'owner' },
  { collection: 'views' as CollectionSlug, ownerField: 'user' },
]
