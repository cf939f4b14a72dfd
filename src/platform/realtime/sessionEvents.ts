import { EventEmitter } from 'node:events'

import { getAppConfig } from '../config'
import { databaseScope } from '../cache/databaseScope'
import { createRedisClient, getSharedRedis } from '../cache/redisClient'

export type SessionRevokedReason = 'logout' | 'logout-all' | 'session-revoked' | 'refresh-reuse' | 'password-reset' | 'account-deleted'

/** Told to every app instance; each closes the affected WebSockets it holds. */
export type SessionEvent = {
  type: 'session.revoked'
  userId: string
  reason: SessionRevokedReason
  /** The sessions concerned; absent means every session of the user. */
  sessionIds?: string[]
}

export type SessionEventListener = (event: SessionEvent) => void

/** Named after the database (see databaseScope): deployments sharing a Redis never revoke each other's users. */
const channel = (): string => `cms:session-events:${databaseScope()}`

type Bus = {
  local: EventEmitter
  subscriberStarted?: Promise<void>
  /** Events Redis did not take, published again once it does (see publishSessionEvent). */
  unsent: SessionEvent[]
  republish?: NodeJS.Timeout
}

// Shared by every copy of this module in the process (Next's bundle and server.ts load their own).
const bus: Bus = ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.sessionEvents')] ??= {
  local: new EventEmitter().setMaxListeners(0),
  unsent: [],
}) as Bus

/** A publish that Redis has not confirmed by then is treated as lost (a blackholed link never answers). */
const PUBLISH_TIMEOUT_MS = 1_000
const REPUBLISH_INTERVAL_MS = 1_000
/** Beyond this many, the oldest unsent events are dropped: the sockets' periodic re-check still catches them. */
const MAX_UNSENT = 1_000

const isSessionEvent = (value: unknown): value is SessionEvent => {
  const event = value as SessionEvent
  return Boolean(event) && event.type === 'session.revoked' && typeof event.userId === 'string'
}

/**
 * Publishes to every instance: through Redis pub/sub when REDIS_URL is set (the subscriber then
 * delivers it locally too), otherwise straight to this process's listeners.
 */
export const publishSessionEvent = async (event: SessionEvent): Promise<void> => {
  // Before anything else, synchronously: this instance forgets the sessions before it answers the
  // request that ended them, whatever Redis does (see onSessionEndedHere).
  bus.local.emit('ended-here', event)
  const redis = getSharedRedis()
  if (!redis) {
    bus.local.emit('event', event)
    return
  }
  try {
    await publishWithin(redis, event)
  } catch {
    // Redis is away: this instance's sockets hear it now, the others once Redis is back (and, should
    // that never come, from their periodic session re-check). The session rows are already gone.
    bus.local.emit('event', event)
    bus.unsent.push(event)
    bus.unsent.splice(0, Math.max(0, bus.unsent.length - MAX_UNSENT))
    scheduleRepublish()
  }
}

const publishWithin = async (redis: NonNullable<ReturnType<typeof getSharedRedis>>, event: SessionEvent): Promise<void> => {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Redis did not confirm the publish in time')), PUBLISH_TIMEOUT_MS)
  })
  try {
    await Promise.race([redis.publish(channel(), JSON.stringify(event)), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Publishes the unsent events in order, every second until Redis takes them all. */
const scheduleRepublish = (): void => {
  if (bus.republish) return
  bus.republish = setTimeout(() => {
    void (async () => {
      const redis = getSharedRedis()
      while (redis && bus.unsent.length > 0) {
        const event = bus.unsent[0] as SessionEvent
        try {
          await publishWithin(redis, event)
        } catch {
          break
        }
        bus.unsent.shift()
      }
      bus.republish = undefined
      if (bus.unsent.length > 0) scheduleRepublish()
    })()
  }, REPUBLISH_INTERVAL_MS)
  bus.republish.unref()
}

const startRedisSubscriber = (url: string): Promise<void> => {
  const subscriber = createRedisClient(url, 'cms-session-events')
  // Events published while the link was down are lost to this instance: its listeners re-check.
  let connectedBefore = false
  subscriber.on('ready', () => {
    if (connectedBefore) bus.local.emit('resync')
    connectedBefore = true
  })
  subscriber.on('message', (_channel: string, message: string) => {
    try {
      const event: unknown = JSON.parse(message)
      if (isSessionEvent(event)) bus.local.emit('event', event)
    } catch {
      // A foreign message on our channel: ignore it.
    }
  })
  return subscriber.subscribe(channel()).then(
    () => undefined,
    (error: unknown) => {
      subscriber.disconnect()
      throw error
    },
  )
}

/** Listens to session events from every instance. Resolves once the subscription is live. */
export const subscribeSessionEvents = async (listener: SessionEventListener): Promise<() => void> => {
  const url = getAppConfig().services.redisUrl
  if (url) {
    // A failed start is forgotten, so that a later call tries again.
    bus.subscriberStarted ??= startRedisSubscriber(url).catch((error: unknown) => {
      bus.subscriberStarted = undefined
      throw error
    })
    await bus.subscriberStarted
  }
  bus.local.on('event', listener)
  return () => bus.local.off('event', listener)
}

/**
 * Called each time this instance's session-event subscription comes back after its Redis link was
 * lost: events published meanwhile never reached it, so whoever holds sessions should re-check them.
 */
export const onSessionEventsResync = (listener: () => void): (() => void) => {
  bus.local.on('resync', listener)
  return () => bus.local.off('resync', listener)
}

/**
 * Called synchronously by publishSessionEvent in this process, before it publishes: whoever keeps
 * something about sessions in memory (the session-verdict cache) drops it before the request that
 * ended them is answered, without waiting for the event to come back from Redis. Events from other
 * instances arrive through subscribeSessionEvents only.
 */
export const onSessionEndedHere = (listener: SessionEventListener): (() => void) => {
  bus.local.on('ended-here', listener)
  return () => bus.local.off('ended-here', listener)
}
