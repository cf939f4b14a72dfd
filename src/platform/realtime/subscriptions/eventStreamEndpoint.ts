import type { Endpoint, PayloadRequest, Where } from 'payload'

import { CLIENT_IP_HEADER } from '../../auth/requestMeta'
import { sessionIdOfUser } from '../../auth/sessionIdOf'
import type { RealtimeConfig } from '../../config'
import { subscribeSessionEvents } from '../sessionEvents'
import { acquireConnection, addSubscriber, awaitRealtimeReader, isChangeFeedLive, resumeSubscriber } from './hub'
import { realtimeStreamOpenApi, realtimeStatusOpenApi } from './openApi'
import type { Subscriber, SubscriptionSpec } from './types'

/** A comment line this often keeps proxies from closing an idle stream. */
const HEARTBEAT_MS = 25_000
/** How long a reconnecting EventSource waits (the `retry:` field). */
const RETRY_MS = 3_000
const READER_WAIT_MS = 10_000

type Refusal = { status: number; field?: string; message: string; retryAfter?: number }

const refuse = ({ status, field, message, retryAfter }: Refusal): Response =>
  Response.json(
    { errors: [{ message, ...(field ? { field } : {}) }] },
    { status, headers: { 'Cache-Control': 'no-store', ...(retryAfter ? { 'Retry-After': String(retryAfter) } : {}) } },
  )

const single = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

/** The query as a subscription: `where` as REST takes it (`where[field][op]=` or JSON). */
const specOf = (req: PayloadRequest): SubscriptionSpec | Refusal => {
  const query = (req.query ?? {}) as Record<string, unknown>
  const collection = single(query.collection)
  if (!collection) return { status: 400, field: 'collection', message: 'collection is required (the collection to follow).' }
  let where: unknown = query.where
  if (typeof where === 'string') {
    try {
      where = JSON.parse(where)
    } catch {
      return { status: 400, field: 'where', message: 'where must be JSON or where[<field>][<operator>]=<value>.' }
    }
  }
  if (where !== undefined && (typeof where !== 'object' || where === null || Array.isArray(where))) {
    return { status: 400, field: 'where', message: 'where must be an object of conditions.' }
  }
  if (query.doc !== undefined && single(query.doc) === undefined)
    return { status: 400, field: 'doc', message: 'doc must be one document id.' }
  if (query.locale !== undefined && single(query.locale) === undefined)
    return { status: 400, field: 'locale', message: 'locale must be one locale code.' }
  return { collection, where: where as Where | undefined, doc: single(query.doc), locale: single(query.locale) }
}

const isRefusal = (value: SubscriptionSpec | Refusal): value is Refusal => 'status' in value

/**
 * `GET /api/realtime`: the same `change` messages as `/ws`, as Server-Sent Events, for anonymous
 * readers (what they may read: published documents of public collections) and for clients that
 * cannot open a WebSocket (a bearer token is honoured as on REST). `Last-Event-ID` resumes within
 * the replay window; outside it the stream starts with `event: reset` (re-read over REST).
 */
export const createEventStreamEndpoints = (limits: RealtimeConfig): Endpoint[] => [
  {
    path: '/realtime',
    method: 'get',
    custom: { openapi: realtimeStreamOpenApi },
    handler: async (req) => {
      const spec = specOf(req)
      if (isRefusal(spec)) return refuse(spec)
      const clientId = single((req.query as Record<string, unknown>)?.id) ?? 'stream'
      if (clientId.length > 100) return refuse({ status: 400, field: 'id', message: 'id must be at most 100 characters.' })
      const reader = await awaitRealtimeReader(READER_WAIT_MS)
      if (!reader || !isChangeFeedLive())
        return refuse({ status: 503, message: 'Realtime changes are unavailable right now.', retryAfter: 5 })
      const user = req.user as ({ id: number | string } & Record<string, unknown>) | null
      const viewer = user ? { userId: String(user.id), sid: sessionIdOfUser(user) } : null
      const refusal = await reader.check(spec, viewer)
      if (refusal) return refuse(refusal)

      const release = user
        ? acquireConnection(`user:${String(user.id)}`, limits.maxConnectionsPerUser)
        : acquireConnection(`ip:${req.headers.get(CLIENT_IP_HEADER) ?? 'unknown'}`, limits.maxStreamsPerAddress)
      if (!release) return refuse({ status: 429, message: 'Too many open realtime connections.', retryAfter: 10 })

      const lastEventId = req.headers.get('last-event-id') ?? single((req.query as Record<string, unknown>)?.lastEventId)
      const encoder = new TextEncoder()
      let controller: ReadableStreamDefaultController<Uint8Array> | undefined
      let closed = false
      let stop: (() => void) | undefined
      let stopSessionEvents: (() => void) | undefined
      let heartbeat: NodeJS.Timeout | undefined

      const finish = () => {
        if (closed) return
        closed = true
        clearInterval(heartbeat)
        stop?.()
        stopSessionEvents?.()
        release()
        try {
          controller?.close()
        } catch {
          // already closed by the client
        }
      }
      // Never more than maxBufferedBytes waiting for a client that does not read: it is dropped.
      const write = (text: string) => {
        if (closed || !controller) return
        try {
          controller.enqueue(encoder.encode(text))
        } catch {
          // The client went away before cancel reached us.
          finish()
          return
        }
        if ((controller.desiredSize ?? 0) < 0) finish()
      }
      const subscriber: Subscriber = {
        clientId,
        spec,
        viewer,
        deliver: (_message, encoded, eventId) => write(`id: ${eventId}\nevent: change\ndata: ${encoded}\n\n`),
      }

      const begin = async () => {
        write(`retry: ${RETRY_MS}\n: subscribed\n\n`)
        if (viewer) {
          // A revoked session ends its streams, as it closes its sockets.
          stopSessionEvents = await subscribeSessionEvents((event) => {
            if (
              event.userId === viewer.userId &&
              (!event.sessionIds || (viewer.sid !== undefined && event.sessionIds.includes(viewer.sid)))
            )
              finish()
          }).catch(() => undefined)
        }
        if (closed) return
        const resumed = lastEventId ? await resumeSubscriber(subscriber, lastEventId) : undefined
        if (closed) {
          resumed?.()
          return
        }
        if (lastEventId && !resumed) write(`event: reset\ndata: ${JSON.stringify({ type: 'reset', id: clientId })}\n\n`)
        stop = resumed ?? addSubscriber(subscriber)
        heartbeat = setInterval(() => write(': keep-alive\n\n'), HEARTBEAT_MS)
        heartbeat.unref()
      }

      const body = new ReadableStream<Uint8Array>(
        {
          start: (streamController) => {
            controller = streamController
            void begin().catch(finish)
          },
          cancel: finish,
        },
        new ByteLengthQueuingStrategy({ highWaterMark: limits.maxBufferedBytes }),
      )
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': 'text/event-stream; charset=utf-8',
          // no-transform: compression would hold events back until a buffer fills.
          'Cache-Control': 'no-store, no-transform',
          'X-Accel-Buffering': 'no',
        },
      })
    },
  },
  {
    path: '/realtime/status',
    method: 'get',
    custom: { openapi: realtimeStatusOpenApi },
    handler: () => {
      const live = isChangeFeedLive()
      return Response.json(
        { changes: live ? 'live' : 'unavailable' },
        { status: live ? 200 : 503, headers: { 'Cache-Control': 'no-store', ...(live ? {} : { 'Retry-After': '5' }) } },
      )
    },
  },
]
