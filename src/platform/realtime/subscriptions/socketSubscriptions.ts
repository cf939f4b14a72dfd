import type { Where } from 'payload'
import type { WebSocket } from 'ws'

import { addSubscriber, awaitRealtimeReader, isChangeFeedLive } from './hub'
import type { Subscriber, Viewer } from './types'

/** Close code for a client that leaves more than `maxBufferedBytes` unread. */
export const CLOSE_SLOW_CONSUMER = 4408
const READER_WAIT_MS = 10_000
const MAX_ID_LENGTH = 100

export type SocketSubscriptionLimits = { maxSubscriptionsPerSocket: number; maxBufferedBytes: number }

type Message = Record<string, unknown>

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * The `subscribe` / `unsubscribe` messages of one signed-in socket. Every message to the client
 * goes through `send`, which drops the socket (4408) rather than queue more than
 * `maxBufferedBytes` for a client that does not read.
 */
export const createSocketSubscriptions = ({
  socket,
  viewer,
  limits,
}: {
  socket: WebSocket
  viewer: NonNullable<Viewer>
  limits: SocketSubscriptionLimits
}) => {
  const open = new Map<string, () => void>()
  /** Ids being checked: a second subscribe with the same id meanwhile is refused too. */
  const pending = new Set<string>()
  let closed = false

  const sendEncoded = (encoded: string) => {
    if (closed || socket.readyState !== socket.OPEN) return
    if (socket.bufferedAmount > limits.maxBufferedBytes) {
      stopAll()
      socket.close(CLOSE_SLOW_CONSUMER, 'slow consumer')
      return
    }
    socket.send(encoded)
  }
  const send = (message: Message) => sendEncoded(JSON.stringify(message))
  const refuse = (id: string | undefined, message: string) => send({ type: 'error', ...(id === undefined ? {} : { id }), message })

  const subscribe = async (message: Message) => {
    const id = message.id
    if (typeof id !== 'string' || id.length === 0 || id.length > MAX_ID_LENGTH)
      return refuse(undefined, `id: must be a string of 1 to ${MAX_ID_LENGTH} characters.`)
    if (open.has(id) || pending.has(id)) return refuse(id, 'id: a subscription with this id is already open.')
    if (open.size + pending.size >= limits.maxSubscriptionsPerSocket) {
      return refuse(id, `Too many subscriptions on this socket (at most ${limits.maxSubscriptionsPerSocket}).`)
    }
    if (typeof message.collection !== 'string' || !message.collection) return refuse(id, 'collection: required (the collection to follow).')
    if (message.where !== undefined && !isObject(message.where)) return refuse(id, 'where: must be an object of conditions.')
    const doc = message.doc
    if (doc !== undefined && typeof doc !== 'string' && typeof doc !== 'number') return refuse(id, 'doc: must be a document id.')
    if (message.locale !== undefined && typeof message.locale !== 'string') return refuse(id, 'locale: must be a locale code.')
    const spec = {
      collection: message.collection,
      where: message.where as Where | undefined,
      doc: doc === undefined ? undefined : String(doc),
      locale: message.locale as string | undefined,
    }
    pending.add(id)
    try {
      const reader = await awaitRealtimeReader(READER_WAIT_MS)
      if (!reader || !isChangeFeedLive()) return refuse(id, 'Realtime changes are unavailable right now; try again later.')
      const refusal = await reader.check(spec, viewer)
      if (refusal) return refuse(id, `${refusal.field}: ${refusal.message}`)
      if (closed) return
      const subscriber: Subscriber = {
        clientId: id,
        spec,
        viewer,
        deliver: (_change, encoded) => sendEncoded(encoded),
      }
      open.set(id, addSubscriber(subscriber))
      send({ type: 'subscribed', id })
    } catch {
      refuse(id, 'The subscription could not be checked; try again later.')
    } finally {
      pending.delete(id)
    }
  }

  const unsubscribe = (message: Message) => {
    const id = message.id
    const stop = typeof id === 'string' ? open.get(id) : undefined
    if (!stop) return refuse(typeof id === 'string' ? id : undefined, 'id: no such subscription.')
    stop()
    open.delete(id as string)
    send({ type: 'unsubscribed', id })
  }

  const stopAll = () => {
    closed = true
    for (const stop of open.values()) stop()
    open.clear()
  }

  return {
    /** True when the message was one of ours. */
    handle: (message: Message): boolean => {
      if (message.type === 'subscribe') {
        void subscribe(message)
        return true
      }
      if (message.type === 'unsubscribe') {
        unsubscribe(message)
        return true
      }
      return false
    },
    close: stopAll,
    send,
  }
}
