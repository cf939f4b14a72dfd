import { spawn, type ChildProcess } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../../../helpers/freePort'
import { ensureProductionBuild } from '../../../helpers/productionBuild'
import { startServer, TEST_SECRET, waitFor, type RunningServer } from '../../../helpers/serverProcess'
import { firstMessageOrClose } from '../../../helpers/webSocketClient'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'

/**
 * An instance that starts while its Redis is down must not admit sockets it could not revoke
 * (1011), and must start admitting them once Redis is back. The Redis here is a private one on a
 * free port: the shared service is never touched.
 */

let database: TestDatabase
let server: RunningServer
let redisPort: number
let redis: ChildProcess | undefined

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('redis-outage')
  redisPort = await freePort()
  server = await startServer(
    { SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url, REDIS_URL: `redis://127.0.0.1:${redisPort}` },
    { compiled: true },
  )
})

afterAll(async () => {
  await server?.stop()
  redis?.kill('SIGTERM')
  await database?.drop()
})

const tryConnect = (token: string) => firstMessageOrClose(server.port, token)

describe('WebSocket while Redis is away', () => {
  it('refuses sockets with 1011 until Redis answers, then admits them', async () => {
    const registered = await fetch(`${server.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'outage@example.com', password: 'outage-password', name: 'Outage' }),
    })
    expect(registered.status).toBe(201)
    const { accessToken } = (await registered.json()) as { accessToken: string }

    expect(await tryConnect(accessToken)).toEqual({ closeCode: 1011 })

    redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    })
    const admitted = await waitFor(
      async () => {
        const attempt = await tryConnect(accessToken)
        return JSON.stringify(attempt.message) === JSON.stringify({ type: 'ready' })
      },
      30_000,
      1_000,
    )
    expect(admitted).toBe(true)
  })
})
