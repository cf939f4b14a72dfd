import type { PayloadRequest } from 'payload'

import { runAfterCommit } from '../../database/afterCommit'
import { actorOf, buildEventMessage, type EventMessage, type NewEvent } from '../eventMessage'
import { wakeRelay } from '../relay/relayWake'
import { EVENT_OUTBOX_SLUG } from './EventOutbox'

type SqlQuery = (text: string, params: unknown[]) => Promise<unknown>

/** `req.context.skipEvents = true` (or `context: { skipEvents: true }` on a Local API call) records nothing. */
export const eventsSkipped = (req: PayloadRequest): boolean => Boolean(req.context?.skipEvents)

/**
 * Writes an event to the outbox through Payload's adapter with `req`, so the row joins the
 * request's transaction: it commits with the change or not at all.
 */
export const recordEvent = async (req: PayloadRequest, event: NewEvent): Promise<EventMessage | undefined> => {
  if (eventsSkipped(req)) return undefined
  const message = buildEventMessage({ actor: actorOf(req.user), ...event })
  await req.payload.db.create({
    collection: EVENT_OUTBOX_SLUG,
    data: { eventId: message.id, type: message.type, message, attempts: 0 },
    req,
  })
  // Once committed, this process's relay publishes it at once (realtime subscribers wait on it).
  await runAfterCommit(req, wakeRelay)
  return message
}

/** The same for code that runs its own SQL transaction (pass the transaction's query function). */
export const recordEventSql = async (query: SqlQuery, event: NewEvent): Promise<EventMessage> => {
  const message = buildEventMessage(event)
  await query(
    `INSERT INTO event_outbox (event_id, type, message, attempts, updated_at, created_at)
     VALUES ($1, $2, $3::jsonb, 0, now(), now())`,
    [message.id, message.type, JSON.stringify(message)],
  )
  return message
}
