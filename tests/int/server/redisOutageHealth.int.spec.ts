import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureProductionBuild } from '../../helpers/productionBuild'
import { REDIS_PORT } from '../../helpers/redis'
import { jsonLogLines, startServer, TEST_SECRET, waitFor, type RunningServer } from '../../helpers/serverProcess'
import { startTcpProxy, type TcpProxy } from '../../helpers/tcpProxy'
import { createMigratedTestDatabase, type TestDatabase } from '../../helpers/testDatabase'

/**
 * A Redis outage seen by an operator: the compiled server reaches Redis through a TCP proxy the
 * test cuts (the shared Redis is never touched). The service keeps working (reads uncached), /health
 * says "degraded" with 200, and the log says "lost" and "restored" once per connection, as JSON:
 * no "[ioredis] Unhandled error event" stack traces, however many reconnect attempts fail.
 */

type Health = { status: string; checks: Record<string, { status: string }> }

let database: TestDatabase
let proxy: TcpProxy
let server: RunningServer

const health = async (): Promise<{ status: number; body: Health }> => {
  const response = await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(10_000) })
  return { status: response.status, body: (await response.json()) as Health }
}

const logLines = () => jsonLogLines(server.output())

const connectionsSaying = (msg: string): string[] =>
  logLines()
    .filter((line) => line.msg === msg)
    .map((line) => String(line.connection))
    .sort()

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('redis-outage-health')
  proxy = await startTcpProxy(REDIS_PORT)
  server = await startServer(
    { SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url, REDIS_URL: `redis://127.0.0.1:${proxy.port}` },
    { compiled: true },
  )
})

afterAll(async () => {
  await server?.stop()
  await proxy?.close()
  await database?.drop()
})

describe('a Redis outage', () => {
  it('is reported as degraded (200) while the service keeps answering, and logged once per connection', async () => {
    await waitFor(async () => (await health()).body.status === 'ok', 15_000)
    expect(await health()).toMatchObject({
      status: 200,
      body: { status: 'ok', checks: { database: { status: 'ok' }, redis: { status: 'ok' } } },
    })
    const connections = logLines().length
    const outputBefore = server.output().length

    proxy.cut()
    try {
      expect(await waitFor(async () => (await health()).body.status === 'degraded', 10_000)).toBe(true)
      expect(await health()).toMatchObject({
        status: 200,
        body: { status: 'degraded', checks: { database: { status: 'ok' }, redis: { status: 'error' } } },
      })
      for (let i = 0; i < 10; i += 1) expect((await fetch(`${server.url}/api/genres?limit=3`)).status).toBe(200)
      // Several reconnect attempts fail meanwhile (ioredis retries within about two seconds).
      await new Promise((resolve) => setTimeout(resolve, 4_000))
    } finally {
      proxy.restore()
    }

    expect(await waitFor(async () => (await health()).body.status === 'ok', 20_000)).toBe(true)
    const lost = connectionsSaying('Redis connection lost; retrying in the background')
    const restored = connectionsSaying('Redis connection restored')
    expect(lost.length).toBeGreaterThanOrEqual(2)
    expect(new Set(lost).size).toBe(lost.length)
    await waitFor(async () => connectionsSaying('Redis connection restored').length === lost.length, 5_000, 100)
    expect(connectionsSaying('Redis connection restored')).toEqual(lost)
    expect(restored.every((name) => lost.includes(name))).toBe(true)
    expect(logLines().length).toBeGreaterThan(connections)

    const output = server.output().slice(outputBefore)
    expect(output).not.toMatch(/Unhandled error event/)
    // Every line since the cut is JSON: nothing printed raw by a library.
    const raw = output.split('\n').filter((line) => line.trim() && !line.startsWith('{'))
    expect(raw).toEqual([])
    expect(logLines().filter((line) => Number(line.level) >= 50)).toEqual([])
  })
})
