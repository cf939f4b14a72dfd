import { randomUUID } from 'node:crypto'

/** Who caused an event: a signed-in account, or the system (scripts, imports, server code). */
export type EventActor = { collection: string; id: string } | null

/** The JSON body of every message on the exchange. `id` is also the AMQP messageId. */
export type EventMessage = {
  id: string
  /** The routing key, e.g. `anime.updated`, `user.registered`. */
  type: string
  occurredAt: string
  collection: string
  docId: string
  actor: EventActor
  /** A small public summary: never secrets, never unpublished content. */
  data: Record<string, unknown>
}

export type NewEvent = Pick<EventMessage, 'type' | 'collection' | 'docId' | 'data'> & { actor?: EventActor }

export const buildEventMessage = ({ type, collection, docId, data, actor = null }: NewEvent): EventMessage => ({
  id: randomUUID(),
  type,
  occurredAt: new Date().toISOString(),
  collection,
  docId,
  actor,
  data,
})

/** The request's user as an actor: collection and id only (emails and roles are not public). */
export const actorOf = (user: { collection?: string; id?: number | string } | null | undefined): EventActor =>
  user && user.id !== undefined ? { collection: user.collection ?? 'users', id: String(user.id) } : null

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** True for a body that has every field of an EventMessage with the right type. */
export const isEventMessage = (value: unknown): value is EventMessage =>
  isRecord(value) &&
  typeof value.id === 'string' &&
  typeof value.type === 'string' &&
  typeof value.occurredAt === 'string' &&
  typeof value.collection === 'string' &&
  typeof value.docId === 'string' &&
  (value.actor === null || isRecord(value.actor)) &&
  isRecord(value.data)
