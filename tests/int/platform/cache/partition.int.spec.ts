import { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAccountWithRole } from '../../../helpers/accounts'
import { ensureProductionBuild } from '../../../helpers/productionBuild'
import { REDIS_PORT, REDIS_URL } from '../../../helpers/redis'
import { startServer, TEST_SECRET, waitFor, type RunningServer } from '../../../helpers/serverProcess'
import { startTcpProxy, type TcpProxy } from '../../../helpers/tcpProxy'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'

/**
 * A partition between the writer and Redis (issue 17, item 4): instance A reaches the shared Redis
 * through a TCP proxy the test cuts or blackholes, instance B directly. A change committed through
 * A must reach B's cache within 2 s of A's answer, and no instance may serve the old response
 * after A's link comes back. The default sweep interval is used: it is what production gets.
 */

const STALE_BOUND_MS = 2_000

let database: TestDatabase
let pool: Pool
let proxy: TcpProxy
let a: RunningServer
let b: RunningServer
let adminToken: string
let animeId: number

const read = async (server: RunningServer, path: string) => {
  const response = await fetch(`${server.url}${path}`)
  return { status: response.status, cache: response.headers.get('x-cache'), title: ((await response.json()) as { title?: string }).title }
}

const write = async (server: RunningServer, method: string, path: string, body: unknown) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: JSON.stringify(body),
  })

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('cache-partition')
  pool = new Pool({ connectionString: database.url, max: 1 })
  proxy = await startTcpProxy(REDIS_PORT)
  const env = { SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url }
  // One after the other: two Next starts at once on 2 cores only slow each other down.
  a = await startServer({ ...env, REDIS_URL: `redis://127.0.0.1:${proxy.port}` }, { compiled: true })
  b = await startServer({ ...env, REDIS_URL }, { compiled: true })
  adminToken = (
    await createAccountWithRole({
      serverUrl: b.url,
      databaseUrl: database.url,
      email: 'partition-admin@example.com',
      password: 'partition-admin-password',
      role: 'admin',
    })
  ).accessToken
  const created = await write(b, 'POST', '/api/anime', { title: 'Partition 0', _status: 'published' })
  expect(created.status, await created.clone().text()).toBe(201)
  animeId = ((await created.json()) as { doc: { id: number } }).doc.id
}, 600_000)

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()])
  await proxy?.close()
  await pool?.end()
  await database?.drop()
})

describe.each([
  { fault: 'cut', inject: () => proxy.cut() },
  { fault: 'blackhole', inject: () => proxy.blackhole() },
])('the writer loses its Redis link ($fault)', ({ fault, inject }) => {
  it('a change through the writer reaches the other instance’s cache within 2 s, and nothing stale comes back after', async () => {
    const path = `/api/anime/${animeId}`
    const before = (await read(b, path)).title
    // B has the current response cached.
    expect(await waitFor(async () => (await read(b, path)).cache === 'HIT', 10_000, 100)).toBe(true)

    inject()
    const title = `Partition ${fault}`
    const patched = await write(a, 'PATCH', path, { title })
    const committedAt = Date.now()
    expect(patched.status, await patched.clone().text()).toBe(200)
    expect(before).not.toBe(title)

    // B serves the old response at most until the bound, then never again.
    let freshAfterMs: number | undefined
    const staleReads: number[] = []
    while (Date.now() - committedAt < STALE_BOUND_MS + 1_500) {
      const { status, title: seen } = await read(b, path)
      expect(status).toBe(200)
      if (seen === title) freshAfterMs ??= Date.now() - committedAt
      else staleReads.push(Date.now() - committedAt)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    console.info(`${fault}: B fresh ${freshAfterMs} ms after A's 200; stale reads at ${staleReads.join(', ') || 'none'} ms`)
    expect(freshAfterMs, `stale reads on B at ${staleReads.join(', ')} ms`).toBeDefined()
    expect(freshAfterMs!).toBeLessThanOrEqual(STALE_BOUND_MS)
    expect(staleReads.filter((at) => at > freshAfterMs!)).toEqual([])
    // The writer, cut off, answers uncached and fresh.
    expect(await read(a, path)).toMatchObject({ status: 200, title })

    proxy.restore()
    // After the link returns: fresh on both, for a while, and both cache again.
    const until = Date.now() + 3_000
    while (Date.now() < until) {
      for (const server of [a, b]) expect((await read(server, path)).title).toBe(title)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(await waitFor(async () => (await read(a, path)).cache === 'HIT', 15_000, 200)).toBe(true)
    expect((await read(a, path)).title).toBe(title)
    // Every recorded invalidation was applied and its record removed.
    const { rows } = await pool.query<{ count: string }>('SELECT count(*) AS count FROM cache_invalidations')
    expect(Number(rows[0]?.count)).toBe(0)
  })
})
