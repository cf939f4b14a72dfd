import type { CollectionAfterChangeHook } from 'payload'

import { eventsSkipped, recordEvent } from '../outbox/recordEvent'
import type { EventSummary } from '../summarise'
import { isLivePublished, publishedBeforeKey } from './publishedState'

type Action = 'created' | 'updated' | 'published' | 'unpublished'

/**
 * What the public saw change. Without drafts: created or updated. With drafts, by the live
 * document before and after: draft -> published is `published`, published -> draft is
 * `unpublished`, published -> published is `updated`, and a draft saved beside a published
 * document (or edits of a never-published one) is nothing public at all.
 */
const actionsOf = (operation: 'create' | 'update', versioned: boolean, before: boolean, after: boolean): Action[] => {
  if (operation === 'create') return versioned && after ? ['created', 'published'] : ['created']
  if (!versioned) return ['updated']
  if (!before && after) return ['published']
  if (before && !after) return ['unpublished']
  if (before && after) return ['updated']
  return []
}

/** Records `<collection>.<action>` in the outbox, in the change's transaction. */
export const recordChangeEvent =
  (summarise: EventSummary): CollectionAfterChangeHook =>
  async ({ collection, doc, operation, req }) => {
    if (eventsSkipped(req)) return doc
    const versioned = Boolean(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts)
    let before = false
    let after = !versioned || doc._status === 'published'
    if (versioned && operation === 'update') {
      const key = publishedBeforeKey(collection.slug, doc.id)
      before = req.context[key] === true
      delete req.context[key]
      // A `draft` result is either an unpublish or a draft saved beside the live document: ask the row.
      if (!after) after = await isLivePublished(req, collection.slug, doc.id)
      if (doc._status !== 'published' && after) return doc // draft saved; the public document is unchanged
    }
    for (const action of actionsOf(operation, versioned, before, after)) {
      await recordEvent(req, {
        type: `${collection.slug}.${action}`,
        collection: collection.slug,
        docId: String(doc.id),
        // Unpublished content never leaves in an event: drafts carry their status only.
        data: after ? summarise(doc) : { _status: 'draft' },
      })
    }
    return doc
  }
