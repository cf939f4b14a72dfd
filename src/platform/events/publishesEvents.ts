import type { CollectionConfig, GlobalConfig } from 'payload'

import { recordChangeEvent } from './hooks/recordChangeEvent'
import { recordDeleteEvent } from './hooks/recordDeleteEvent'
import { recordGlobalChangeEvent } from './hooks/recordGlobalChangeEvent'
import { rememberPublishedState } from './hooks/rememberPublishedState'
import { type EventSummary, pickFields } from './summarise'

export type PublishesEventsOptions = {
  /** Top-level fields copied into `data` (public ones only). Default: `slug` and the admin title field. */
  summaryFields?: string[]
  /** Or a function building `data` from the document. */
  summary?: EventSummary
}

/**
 * Opts a collection into domain events: every create, update, delete, publish and unpublish
 * becomes an outbox row (`<slug>.<action>`) written in the change's transaction.
 * Usage, in a domain: `publishesEvents(Anime, { summaryFields: ['slug', 'title'] })`.
 */
export const publishesEvents = (config: CollectionConfig, options: PublishesEventsOptions = {}): CollectionConfig => {
  const titleField = config.admin?.useAsTitle
  const summarise =
    options.summary ?? pickFields(options.summaryFields ?? ['slug', ...(titleField && titleField !== 'id' ? [titleField] : [])])
  const drafts = Boolean(config.versions && typeof config.versions === 'object' && config.versions.drafts)
  const hooks = config.hooks ?? {}
  return {
    ...config,
    // Realtime subscriptions are offered on collections that record their changes.
    custom: { ...config.custom, publishesEvents: true },
    hooks: {
      ...hooks,
      beforeChange: [...(hooks.beforeChange ?? []), ...(drafts ? [rememberPublishedState] : [])],
      afterChange: [...(hooks.afterChange ?? []), recordChangeEvent(summarise)],
      afterDelete: [...(hooks.afterDelete ?? []), recordDeleteEvent(summarise)],
    },
  }
}

/**
 * The same for a global (site settings and the like): every saved change is `<slug>.updated`.
 * Its `data` holds the `summaryFields` only (default: none), so name just what is public.
 */
export const publishesGlobalEvents = (config: GlobalConfig, options: PublishesEventsOptions = {}): GlobalConfig => {
  const summarise = options.summary ?? pickFields(options.summaryFields ?? [])
  const hooks = config.hooks ?? {}
  return { ...config, hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), recordGlobalChangeEvent(summarise)] } }
}
