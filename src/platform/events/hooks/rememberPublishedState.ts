import type { CollectionBeforeChangeHook } from 'payload'

import { eventsSkipped } from '../outbox/recordEvent'
import { isLivePublished, publishedBeforeKey } from './publishedState'

/** Notes whether the live document was published before this update (drafts only). */
export const rememberPublishedState: CollectionBeforeChangeHook = async ({ collection, data, operation, originalDoc, req }) => {
  if (operation !== 'update' || !originalDoc?.id || eventsSkipped(req)) return data
  req.context[publishedBeforeKey(collection.slug, originalDoc.id)] = await isLivePublished(req, collection.slug, originalDoc.id)
  return data
}
