import { errorResponse, json } from '../../apiDocs/commonSchemas'
import type { EndpointDocumentation } from '../../apiDocs/types'

/** The `change` message, the same on `/ws` and as the event stream's `data:`. */
export const CHANGE_MESSAGE_SCHEMA = {
  type: 'object',
  properties: {
    type: { const: 'change' },
    id: { type: 'string', description: "The subscription's id (on the event stream: the `id` query parameter, default `stream`)." },
    event: { type: 'string', enum: ['create', 'update', 'delete'] },
    doc: {
      type: 'object',
      description:
        'The document as the subscriber reads it over REST (their access, their locale, depth 0). A delete, or a document that left their view (unpublished, hidden, no longer matching `where`), carries `{ "id" }` only.',
      additionalProperties: true,
    },
  },
  required: ['type', 'id', 'event', 'doc'],
}

const retryAfter = { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer' } } }

export const realtimeStreamOpenApi: EndpointDocumentation = {
  tags: ['realtime'],
  summary: 'Follow changes as Server-Sent Events',
  description: [
    'Streams `event: change` with `data:` the JSON change message (the same as on the `/ws` WebSocket, see docs/realtime.md) and `id:` the event id.',
    'Anonymous callers follow what they may read (published documents of public collections); a bearer token is honoured as on REST.',
    'Reconnect with `Last-Event-ID` (or `lastEventId`) to receive what was missed within the replay window (REALTIME_REPLAY_EVENTS / REALTIME_REPLAY_SECONDS); outside it the stream starts with `event: reset` (re-read over REST).',
    'A client that leaves more than REALTIME_MAX_BUFFERED_BYTES unread is disconnected.',
  ].join(' '),
  parameters: [
    { name: 'collection', in: 'query', required: true, description: 'A collection that publishes changes.', schema: { type: 'string' } },
    { name: 'where', in: 'query', description: 'A REST filter (`where[field][op]=value`, or JSON).', schema: { type: 'string' } },
    { name: 'doc', in: 'query', description: 'One document id: follow only it.', schema: { type: 'string' } },
    { name: 'locale', in: 'query', description: 'The locale documents are read in.', schema: { type: 'string' } },
    {
      name: 'id',
      in: 'query',
      description: 'The subscription id echoed in each message (default `stream`).',
      schema: { type: 'string', maxLength: 100 },
    },
    { name: 'Last-Event-ID', in: 'header', description: 'Resume after this event.', schema: { type: 'string' } },
  ],
  responses: {
    '200': {
      description: 'An endless `text/event-stream`: `event: change` messages, `: keep-alive` comments, and possibly `event: reset` first.',
      content: { 'text/event-stream': { schema: { type: 'string' } }, 'application/json': { schema: CHANGE_MESSAGE_SCHEMA } },
    },
    '400': errorResponse('A wrong parameter (collection, where, doc, locale, id), named in `field`.'),
    '401': errorResponse('An invalid or revoked token, or an anonymous caller on a collection that needs an account.'),
    '403': errorResponse('The account may not read this collection.'),
    '429': {
      description: 'Too many open realtime connections for this account or address.',
      headers: retryAfter,
      content: json({ $ref: '#/components/schemas/Error' }),
    },
    '503': {
      description: 'This instance hears no changes right now (RabbitMQ away).',
      headers: retryAfter,
      content: json({ $ref: '#/components/schemas/Error' }),
    },
  },
  security: [{}, { bearerAuth: [] }],
}

export const realtimeStatusOpenApi: EndpointDocumentation = {
  tags: ['realtime'],
  summary: 'Whether this instance delivers realtime changes',
  responses: {
    '200': { description: 'Changes are live.', content: json({ type: 'object', properties: { changes: { const: 'live' } } }) },
    '503': {
      description: 'No change feed (RabbitMQ away or not configured).',
      headers: retryAfter,
      content: json({ type: 'object', properties: { changes: { const: 'unavailable' } } }),
    },
  },
  security: [],
}
