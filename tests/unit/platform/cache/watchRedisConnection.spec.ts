import { EventEmitter } from 'node:events'
import type { Redis } from 'ioredis'
import { describe, expect, it, vi } from 'vitest'

import { redisConnectionsDown, unwatchRedisConnection, watchRedisConnection } from '@/platform/cache/watchRedisConnection'

describe('watchRedisConnection', () => {
  it('handles every error and logs each state change once: lost, then restored', () => {
    const connection = new EventEmitter()
    const logger = { warn: vi.fn(), info: vi.fn() }
    watchRedisConnection(connection as unknown as Redis, 'unit-test', logger)
    expect(redisConnectionsDown()).toContain('unit-test')

    connection.emit('ready')
    expect(redisConnectionsDown()).not.toContain('unit-test')
    expect(logger.warn).not.toHaveBeenCalled()

    // ioredis emits an error and a close on every failed reconnect attempt; without a listener
    // each 'error' would be an "Unhandled error event" with a stack.
    for (let attempt = 0; attempt < 20; attempt += 1) {
      connection.emit('error', new Error('connect ECONNREFUSED 127.0.0.1:6379'))
      connection.emit('close')
    }
    expect(logger.warn).toHaveBeenCalledTimes(1)
    expect(logger.warn.mock.calls[0]?.[0]).toEqual({ connection: 'unit-test', reason: 'connect ECONNREFUSED 127.0.0.1:6379' })
    expect(redisConnectionsDown()).toContain('unit-test')

    connection.emit('ready')
    connection.emit('ready')
    expect(logger.info).toHaveBeenCalledTimes(1)
    expect(redisConnectionsDown()).not.toContain('unit-test')
    unwatchRedisConnection('unit-test')
  })
})
