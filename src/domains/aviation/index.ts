import type { CollectionConfig, CollectionSlug, GlobalConfig } from 'payload'

import { publishesEvents, publishesGlobalEvents } from '../../platform/events'

import { Aircraft } from './collections/Aircraft'
import { Articles } from './collections/Articles'
import { Categories } from './collections/Categories'
import { DesignBureaus } from './collections/DesignBureaus'
import { Designers } from './collections/Designers'
import { HistoricalEvents } from './collections/HistoricalEvents'
import { Manufacturers } from './collections/Manufacturers'
import { Personalities } from './collections/Personalities'
import { AppSettings } from './globals/AppSettings'

export { aviationCachedCollections, aviationCachedGlobals } from './cachedCollections'
export { aviationAccessPolicy } from './accessPolicy'

/** FrankenJet: what payload.config.ts needs from the aviation domain. */
export const aviationCollections: CollectionConfig[] = [
  publishesEvents(Articles, { summaryFields: ['slug', 'title', 'excerpt', 'workflowStatus'] }),
  publishesEvents(Categories),
  publishesEvents(Aircraft, { summaryFields: ['slug', 'name', 'designation', 'role'] }),
  publishesEvents(DesignBureaus),
  publishesEvents(Designers),
  publishesEvents(Manufacturers),
  publishesEvents(Personalities),
  publishesEvents(HistoricalEvents),
]

export const aviationGlobals: GlobalConfig[] = [publishesGlobalEvents(AppSettings, { summaryFields: ['siteTitle'] })]

/** Collections users can favorite. */
export const aviationFavoriteTargets: CollectionSlug[] = ['articles', 'aircraft']
export { scheduledPublishingJobs } from './workflow/scheduledPublishing'
