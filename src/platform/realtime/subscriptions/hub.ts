import type { EventMessage } from '../../events/eventMessage'
import { changeOf } from './encodeChange'
import type { ChangeKind, RealtimeReader, ResolvedViewer, Subscriber } from './types'

/**
 * The subscriptions of this process and what they are told. Changes come in from the change feed
 * (RabbitMQ, every instance hears every event); each is read again for each kind of viewer with
 * Payload's access rules (the reader), then sent to the matching subscriptions:
 * - at most once per subscription (event ids are remembered: the relay may publish twice);
 * - in order per document (one queue per document; a later read never overtakes an earlier one);
 * - viewers who see the same (same view key, locale, filter) share one read.
 *
 * Shared through globalThis: server.ts (WebSockets, the feed) and Next's bundle (the event-stream
 * endpoint, the reader) load their own copies of this module.
 */

type Recent = { event: EventMessage; at: number }

type Hub = {
  reader?: RealtimeReader
  readerWaiters: (() => void)[]
  byCollection: Map<string, Set<Subscriber>>
  /** Recent events, oldest first, for `Last-Event-ID` resume. */
  recent: Recent[]
  seen: Set<string>
  seenOrder: string[]
  docQueues: Map<string, Promise<void>>
  /** The last event type per document, to fold `created` + `published` of one save into one change. */
  lastType: Map<string, { type: string; draft: boolean; at: number }>
  feedLive: boolean
  replay: { events: number; seconds: number }
  connections: Map<string, number>
  onError: (error: unknown) => void
}

const hub: Hub = ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.realtime.hub')] ??= {
  readerWaiters: [],
  byCollection: new Map(),
  recent: [],
  seen: new Set(),
  seenOrder: [],
  docQueues: new Map(),
  lastType: new Map(),
  feedLive: false,
  replay: { events: 1_000, seconds: 300 },
  connections: new Map(),
  onError: () => undefined,
}) as Hub

/** Event ids remembered for deduplication; the relay's redeliveries come within seconds. */
const SEEN_LIMIT = 20_000
const LAST_TYPE_LIMIT = 20_000
/** Reads of one change in flight at once (each is a query on Payload's pool). */
const READ_CONCURRENCY = 8
/** A `published` this soon after `created` of the same document is the same save. */
const SAME_SAVE_MS = 2_000

export const setRealtimeReader = (reader: RealtimeReader): void => {
  hub.reader = reader
  for (const wake of hub.readerWaiters.splice(0)) wake()
}

/** The reader, once Payload is up in this process; undefined if it is not within `timeoutMs`. */
export const awaitRealtimeReader = async (timeoutMs: number): Promise<RealtimeReader | undefined> => {
  if (hub.reader) return hub.reader
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs)
    timer.unref()
    hub.readerWaiters.push(() => {
      clearTimeout(timer)
      resolve()
    })
  })
  return hub.reader
}

export const configureRealtimeHub = (options: {
  replayEvents: number
  replaySeconds: number
  onError?: (error: unknown) => void
}): void => {
  hub.replay = { events: options.replayEvents, seconds: options.replaySeconds }
  if (options.onError) hub.onError = options.onError
}

/** Whether this instance hears changes (the feed's RabbitMQ consumer is connected). */
export const isChangeFeedLive = (): boolean => hub.feedLive
export const setChangeFeedLive = (live: boolean): void => {
  hub.feedLive = live
}

/** Counts a connection (WebSocket or event stream) under `key`; undefined when `max` are open. */
export const acquireConnection = (key: string, max: number): (() => void) | undefined => {
  const open = hub.connections.get(key) ?? 0
  if (open >= max) return undefined
  hub.connections.set(key, open + 1)
  let released = false
  return () => {
    if (released) return
    released = true
    const left = (hub.connections.get(key) ?? 1) - 1
    if (left <= 0) hub.connections.delete(key)
    else hub.connections.set(key, left)
  }
}

export const subscriberCount = (): number => [...hub.byCollection.values()].reduce((sum, set) => sum + set.size, 0)

/** Starts delivering live changes to `subscriber`; returns the function that stops it. */
export const addSubscriber = (subscriber: Subscriber): (() => void) => {
  const { collection } = subscriber.spec
  const set = hub.byCollection.get(collection) ?? new Set<Subscriber>()
  set.add(subscriber)
  hub.byCollection.set(collection, set)
  return () => {
    set.delete(subscriber)
    if (set.size === 0 && hub.byCollection.get(collection) === set) hub.byCollection.delete(collection)
  }
}

const matches = (subscriber: Subscriber, event: EventMessage): boolean =>
  subscriber.spec.collection === event.collection && (subscriber.spec.doc === undefined || subscriber.spec.doc === event.docId)

/** `anime.published` -> `published`. */
const actionOf = (event: EventMessage): string => event.type.slice(event.type.lastIndexOf('.') + 1)

/** Serial ids are numbers over REST; a delete carries the id as REST would show it. */
const restId = (docId: string): number | string => (/^\d{1,15}$/.test(docId) ? Number(docId) : docId)

const remember = (id: string): boolean => {
  if (hub.seen.has(id)) return false
  hub.seen.add(id)
  hub.seenOrder.push(id)
  if (hub.seenOrder.length > SEEN_LIMIT) hub.seen.delete(hub.seenOrder.shift() as string)
  return true
}

const pruneRecent = (now: number) => {
  const oldest = now - hub.replay.seconds * 1000
  while (hub.recent.length > 0 && ((hub.recent[0] as Recent).at < oldest || hub.recent.length > hub.replay.events)) hub.recent.shift()
}

const mapLimit = async <T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> => {
  let next = 0
  const worker = async () => {
    while (next < items.length) await run(items[next++] as T)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}

/**
 * Reads the changed document once per group of subscribers who see it alike and tells each the
 * outcome: the document (create or update) or, when they may not (or no longer) read it or it no
 * longer matches their filter, a delete with the id only. A document created out of their view is
 * not news to them at all.
 */
const deliver = async (event: EventMessage, subscribers: Subscriber[]): Promise<void> => {
  const action = actionOf(event)
  const deletedDoc = { id: restId(event.docId) }
  const deletedJson = JSON.stringify(deletedDoc)
  const deliverDeleted = (subscriber: Subscriber) =>
    subscriber.deliver(...changeOf(subscriber.clientId, 'delete', deletedDoc, deletedJson), event.id)
  if (action === 'deleted') {
    for (const subscriber of subscribers) deliverDeleted(subscriber)
    return
  }
  const reader = hub.reader
  if (!reader) return
  const groups = new Map<string, { viewer: ResolvedViewer; subscribers: Subscriber[] }>()
  await mapLimit(subscribers, READ_CONCURRENCY, async (subscriber) => {
    const viewer = await reader.resolveViewer(event.collection, subscriber.viewer)
    // The account is gone: its sockets are being closed; nothing more for it.
    if (!viewer) return
    const { where, locale, doc } = subscriber.spec
    const key = JSON.stringify([viewer.key, locale ?? '', where ?? null, doc === undefined])
    const group = groups.get(key) ?? { viewer, subscribers: [] }
    group.subscribers.push(subscriber)
    groups.set(key, group)
  })
  const kind: ChangeKind = action === 'created' || action === 'published' ? 'create' : 'update'
  await mapLimit([...groups.values()], READ_CONCURRENCY, async ({ viewer, subscribers: group }) => {
    const first = group[0] as Subscriber
    const doc = await reader.read(first.spec, event.docId, viewer.readAs)
    if (!doc && action === 'created') return
    if (!doc) {
      for (const subscriber of group) deliverDeleted(subscriber)
      return
    }
    const docJson = JSON.stringify(doc)
    for (const subscriber of group) subscriber.deliver(...changeOf(subscriber.clientId, kind, doc, docJson), event.id)
  })
}

/** Runs `task` after every earlier task of the same document. */
const inDocumentOrder = (key: string, task: () => Promise<void>): void => {
  const previous = hub.docQueues.get(key) ?? Promise.resolve()
  const current = previous.then(task).catch((error: unknown) => hub.onError(error))
  hub.docQueues.set(key, current)
  void current.then(() => {
    if (hub.docQueues.get(key) === current) hub.docQueues.delete(key)
  })
}

/** A change from the feed: remembered for resume and delivered to the subscriptions it concerns. */
export const acceptChange = (event: EventMessage, now = Date.now()): void => {
  if (!remember(event.id)) return
  const docKey = `${event.collection}\u0000${event.docId}`
  const action = actionOf(event)
  const last = hub.lastType.get(docKey)
  hub.lastType.delete(docKey)
  hub.lastType.set(docKey, { type: action, draft: event.data._status === 'draft', at: now })
  if (hub.lastType.size > LAST_TYPE_LIMIT) hub.lastType.delete(hub.lastType.keys().next().value as string)
  // Creating a published document records `created` (with its summary) then `published`: one change
  // to its readers. A draft's `created` carries only its status, and its later publishing is news.
  if (action === 'published' && last?.type === 'created' && !last.draft && now - last.at < SAME_SAVE_MS) return
  hub.recent.push({ event, at: now })
  pruneRecent(now)
  // Who is told is decided now, with the event in the replay buffer: a stream resuming meanwhile
  // gets it from the buffer or from here, never both, never neither.
  const subscribers = [...(hub.byCollection.get(event.collection) ?? [])].filter((subscriber) => matches(subscriber, event))
  if (subscribers.length === 0) return
  inDocumentOrder(docKey, () => deliver(event, subscribers))
}

/**
 * Resumes a subscriber after `lastEventId`: delivers what it missed, in order, then subscribes it.
 * Resolves with the stop function, or undefined when the id is not in the buffer (too old, or
 * never seen here): the caller says so and subscribes afresh.
 */
export const resumeSubscriber = async (subscriber: Subscriber, lastEventId: string): Promise<(() => void) | undefined> => {
  pruneRecent(Date.now())
  let cursor = lastEventId
  if (!hub.recent.some(({ event }) => event.id === cursor)) return undefined
  for (;;) {
    const index = hub.recent.findIndex(({ event }) => event.id === cursor)
    const missed = (index < 0 ? [] : hub.recent.slice(index + 1)).map(({ event }) => event)
    if (missed.length === 0) break
    for (const event of missed) {
      if (matches(subscriber, event)) await deliver(event, [subscriber]).catch((error: unknown) => hub.onError(error))
    }
    cursor = (missed[missed.length - 1] as EventMessage).id
  }
  // Nothing arrived since the last look (this is synchronous after it): live delivery takes over.
  return addSubscriber(subscriber)
}

/** For tests: forget every subscription and event. */
export const resetRealtimeHub = (): void => {
  hub.byCollection.clear()
  hub.recent = []
  hub.seen.clear()
  hub.seenOrder = []
  hub.docQueues.clear()
  hub.lastType.clear()
  hub.connections.clear()
}
