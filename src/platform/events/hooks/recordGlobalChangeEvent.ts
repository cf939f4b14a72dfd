import type { GlobalAfterChangeHook } from 'payload'

import { eventsSkipped, recordEvent } from '../outbox/recordEvent'
import type { EventSummary } from '../summarise'

/** Records `<global>.updated` (a global is one document: its slug is the collection and the id). */
export const recordGlobalChangeEvent =
  (summarise: EventSummary): GlobalAfterChangeHook =>
  async ({ doc, global, req }) => {
    if (eventsSkipped(req)) return doc
    // A global with drafts: only what the public sees counts; a saved draft is not news.
    if (global.versions && typeof global.versions === 'object' && global.versions.drafts && doc?._status !== 'published') return doc
    await recordEvent(req, { type: `${global.slug}.updated`, collection: global.slug, docId: global.slug, data: summarise(doc) })
    return doc
  }
