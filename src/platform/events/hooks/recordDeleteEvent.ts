import type { CollectionAfterDeleteHook } from 'payload'

import { eventsSkipped, recordEvent } from '../outbox/recordEvent'
import type { EventSummary } from '../summarise'

/** Records `<collection>.deleted`; the summary only if the document was public. */
export const recordDeleteEvent =
  (summarise: EventSummary): CollectionAfterDeleteHook =>
  async ({ collection, doc, id, req }) => {
    if (eventsSkipped(req)) return doc
    const versioned = Boolean(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts)
    const wasPublic = !versioned || doc?._status === 'published'
    await recordEvent(req, {
      type: `${collection.slug}.deleted`,
      collection: collection.slug,
      docId: String(id),
      data: wasPublic && doc ? summarise(doc) : {},
    })
    return doc
  }
