import { beforeEach, describe, expect, it } from 'vitest'

import type { EventMessage } from '@/platform/events/eventMessage'
import {
  acceptChange,
  acquireConnection,
  addSubscriber,
  configureRealtimeHub,
  resetRealtimeHub,
  resumeSubscriber,
  setRealtimeReader,
} from '@/platform/realtime/subscriptions/hub'
import type { ChangeMessage, Subscriber } from '@/platform/realtime/subscriptions/types'

let sequence = 0
const event = (type: string, docId: string, data: Record<string, unknown> = {}): EventMessage => ({
  id: `e${++sequence}`,
  type,
  occurredAt: new Date().toISOString(),
  collection: type.split('.')[0]!,
  docId,
  actor: null,
  data,
})

/** Documents as a reader sees them: visible ones by id; reads count how many were made. */
let visible: Map<string, Record<string, unknown>>
let reads = 0
let readDelays: number[] = []

const subscriber = (clientId: string, spec: Subscriber['spec'] = { collection: 'anime' }, viewer: Subscriber['viewer'] = null) => {
  const received: [ChangeMessage, string][] = []
  const sub: Subscriber = {
    clientId,
    spec,
    viewer,
    deliver: (message, encoded, id) => {
      // What goes on the wire is exactly the message's JSON, however it was assembled.
      expect(encoded).toBe(JSON.stringify(message))
      received.push([message, id])
    },
  }
  return { sub, received }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30))

beforeEach(() => {
  resetRealtimeHub()
  configureRealtimeHub({ replayEvents: 100, replaySeconds: 60 })
  visible = new Map()
  reads = 0
  readDelays = []
  setRealtimeReader({
    check: async () => undefined,
    resolveViewer: async (_collection, viewer) => ({ key: viewer ? `user:${viewer.userId}` : 'anonymous', readAs: null }),
    read: async (_spec, docId) => {
      reads += 1
      const snapshot = visible.get(docId) ?? null
      const delay = readDelays.shift() ?? 0
      await new Promise((resolve) => setTimeout(resolve, delay))
      return snapshot
    },
  })
})

describe('the realtime hub', () => {
  it('delivers each event once per subscription, sharing one read between alike viewers', async () => {
    const one = subscriber('one')
    const two = subscriber('two')
    addSubscriber(one.sub)
    addSubscriber(two.sub)
    visible.set('1', { id: 1, title: 'A' })
    const created = event('anime.created', '1')
    acceptChange(created)
    acceptChange(created)
    await settle()
    expect(reads).toBe(1)
    for (const { received } of [one, two]) expect(received.map(([message]) => message.event)).toEqual(['create'])
  })

  it('folds created + published of one save into one create; an invisible create says nothing', async () => {
    const { sub, received } = subscriber('s')
    addSubscriber(sub)
    acceptChange(event('anime.created', '2'))
    await settle()
    expect(received).toEqual([])
    visible.set('3', { id: 3 })
    acceptChange(event('anime.created', '3', { title: 'T' }))
    acceptChange(event('anime.published', '3', { title: 'T' }))
    await settle()
    expect(received.map(([message]) => message.event)).toEqual(['create'])
    // A draft created, then published a moment later: the publishing is the news.
    acceptChange(event('anime.created', '2', { _status: 'draft' }))
    await settle()
    visible.set('2', { id: 2 })
    acceptChange(event('anime.published', '2', { title: 'U' }))
    await settle()
    expect(received.map(([message]) => [message.event, message.doc.id])).toEqual([
      ['create', 3],
      ['create', 2],
    ])
  })

  it('an update out of view is a delete with the id only; deletes never read', async () => {
    const { sub, received } = subscriber('s', { collection: 'anime', doc: '4' })
    addSubscriber(sub)
    acceptChange(event('anime.unpublished', '4'))
    acceptChange(event('anime.updated', '5'))
    acceptChange(event('anime.deleted', '4'))
    await settle()
    expect(received.map(([message]) => message)).toEqual([
      { type: 'change', id: 's', event: 'delete', doc: { id: 4 } },
      { type: 'change', id: 's', event: 'delete', doc: { id: 4 } },
    ])
    expect(reads).toBe(1)
  })

  it('keeps commit order per document even when an earlier read is slower', async () => {
    const { sub, received } = subscriber('s')
    addSubscriber(sub)
    visible.set('6', { id: 6, year: 1 })
    readDelays = [50, 0]
    acceptChange(event('anime.updated', '6'))
    await new Promise((resolve) => setTimeout(resolve, 10))
    // The first read (year 1) is still running: the second must wait for it, not overtake it.
    visible.set('6', { id: 6, year: 2 })
    acceptChange(event('anime.updated', '6'))
    await new Promise((resolve) => setTimeout(resolve, 120))
    expect(received.map(([message]) => message.doc.year)).toEqual([1, 2])
  })

  it('resumes after a known event id, and refuses an unknown one', async () => {
    visible.set('7', { id: 7 })
    const first = event('anime.updated', '7')
    acceptChange(first)
    acceptChange(event('genres.updated', '1'))
    const missed = event('anime.updated', '7')
    acceptChange(missed)
    const { sub, received } = subscriber('s')
    const stop = await resumeSubscriber(sub, first.id)
    expect(stop).toBeTypeOf('function')
    expect(received.map(([, id]) => id)).toEqual([missed.id])
    acceptChange(event('anime.updated', '7'))
    await settle()
    expect(received).toHaveLength(2)
    expect(await resumeSubscriber(subscriber('t').sub, 'nope')).toBeUndefined()
  })

  it('caps connections per key', () => {
    const first = acquireConnection('user:1', 2)
    const second = acquireConnection('user:1', 2)
    expect(acquireConnection('user:1', 2)).toBeUndefined()
    first?.()
    first?.()
    expect(acquireConnection('user:1', 2)).toBeTypeOf('function')
    second?.()
  })
})
