import type { Redis } from 'ioredis'

/** Connections corked in this turn of the event loop. */
const corked = new WeakSet<Redis>()

/**
 * Call before sending a command: commands sent on `redis` in one turn of the event loop (a busy
 * server reads several requests per turn) leave in one write. The socket is corked at the first and
 * uncorked once the turn's I/O callbacks have run: one syscall instead of one per command, here
 * and in Redis, which reads them in one go and answers in one write. (ioredis's auto-pipelining
 * does the same with a pipeline object per batch, and measured slower than no batching at all.)
 */
export const coalesceWrites = (redis: Redis): void => {
  if (corked.has(redis) || redis.status !== 'ready') return
  const stream = redis.stream
  stream.cork()
  corked.add(redis)
  setImmediate(() => {
    corked.delete(redis)
    stream.uncork()
  })
}
