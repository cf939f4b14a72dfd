import { EventEmitter } from 'node:events'

import { getAppConfig } from '../config'
import { databaseScope } from '../cache/databaseScope'
import { createRedisClient, getSharedRedis } from '../cache/redisClient'

export type SessionRevokedReason =
  | 'logout'
  | 'logout-all'
  | 'session-revoked'
  | 'refresh-reuse'
  | 'password-reset'
  | 'account-deleted'

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

type Bus = { local: EventEmitter; subscriberStarted?: Promise<void> }

// Shared by every copy of this module in the process (Next's bundle and server.ts load their own).
const bus: Bus = ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.sessionEvents')] ??= {
  local: new EventEmitter().setMaxListeners(0),
}) as Bus

const isSessionEvent = (value: unknown): value is SessionEvent => {
  const event = value as SessionEvent
  return Boolean(event) && event.type === 'session.revoked' && typeof event.userId === 'string'
}

/**
 * Publishes to every instance: through Redis pub/sub when REDIS_URL is set (the subscriber then
 * delivers it locally too), otherwise straight to this process's listeners.
 */
export const publishSessionEvent = async (event: SessionEvent): Promise<void> => {
  const redis = getSharedRedis()
  if (!redis) {
    bus.local.emit('event', event)
    return
  }
  await redis.publish(channel(), JSON.stringify(event))
}

const startRedisSubscriber = (url: string): Promise<void> => {
  const subscriber = createRedisClient(url, 'cms-session-events')
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
