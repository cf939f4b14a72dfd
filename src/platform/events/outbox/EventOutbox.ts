import type { CollectionConfig } from 'payload'

import { platformAccessPolicy } from '../../accessPolicy'
// Not through the auth index: auth records events, so its index would import this file back (a cycle).
import { collectionAccess } from '../../auth/access/policy'

export const EVENT_OUTBOX_SLUG = 'event-outbox'

/**
 * Events waiting for the broker. A row is written in the same transaction as the change it
 * describes (so a rolled-back change leaves none) and marked sent once RabbitMQ has confirmed it.
 * Server code only: the relay reads it with SQL (`FOR UPDATE SKIP LOCKED`), nobody reads it over the API.
 */
export const EventOutbox: CollectionConfig = {
  slug: EVENT_OUTBOX_SLUG,
  admin: { hidden: true },
  graphQL: false,
  access: collectionAccess(platformAccessPolicy.collections['event-outbox']),
  fields: [
    { name: 'eventId', type: 'text', required: true, unique: true },
    // The routing key; also in the message, kept apart so the relay need not parse it.
    { name: 'type', type: 'text', required: true },
    { name: 'message', type: 'json', required: true },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    // Unset: due now. Set after a failed attempt to back off that row only.
    { name: 'nextAttemptAt', type: 'date' },
    { name: 'sentAt', type: 'date' },
    { name: 'lastError', type: 'text' },
  ],
}
