import type { Redis } from 'ioredis'

import { createLogger, type Logger } from '../observability/logger'
import { getMetrics } from '../observability/metrics/registry'

type ConnectionState = 'connecting' | 'up' | 'lost'

/** Every watched connection of the process by name (server.ts and Next's bundle share it). */
const states = ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.redis.connectionStates')] ??= new Map<
  string,
  ConnectionState
>()) as Map<string, ConnectionState>

let defaultLogger: Logger | undefined

const publishGauge = (): void => {
  const allUp = [...states.values()].every((state) => state === 'up')
  getMetrics().dependencyUp.set({ dependency: 'redis' }, allUp ? 1 : 0)
}

/**
 * Gives a Redis connection an error listener (without one ioredis prints "Unhandled error event"
 * with a stack on every reconnect attempt) and logs its state changes once each, as JSON: "lost"
 * when it goes away, "restored" when it is back. ioredis reconnects by itself meanwhile.
 */
export const watchRedisConnection = (
  redis: Redis,
  name: string,
  logger: Pick<Logger, 'warn' | 'info'> = (defaultLogger ??= createLogger('redis')),
): Redis => {
  states.set(name, states.get(name) ?? 'connecting')
  const lose = (reason: string) => {
    if (states.get(name) === 'lost') return
    states.set(name, 'lost')
    publishGauge()
    logger.warn({ connection: name, reason }, 'Redis connection lost; retrying in the background')
  }
  redis.on('error', (error: Error) => lose(error.message))
  redis.on('close', () => {
    if (states.get(name) === 'up') lose('connection closed')
  })
  redis.on('ready', () => {
    const was = states.get(name)
    states.set(name, 'up')
    publishGauge()
    if (was === 'lost') logger.info({ connection: name }, 'Redis connection restored')
  })
  return redis
}

/** Names of watched connections that are not up right now (empty: all fine, or none watched). */
export const redisConnectionsDown = (): string[] => [...states.entries()].filter(([, state]) => state !== 'up').map(([name]) => name)

/** Forgets a connection that was closed on purpose (shutdown, tests). */
export const unwatchRedisConnection = (name: string): void => {
  states.delete(name)
  publishGauge()
}
