import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { createMetricsHandler } from '@/platform/observability/metrics/metricsEndpoint'
import { getMetrics } from '@/platform/observability/metrics/registry'
import { registerPool, unregisterPool } from '@/platform/observability/metrics/sharedState'

const TOKEN = 'unit-test-metrics-token-42'

const serve = async (token: string | undefined): Promise<{ server: Server; url: string }> => {
  const handler = createMetricsHandler({ metrics: getMetrics(), token })
  const server = createServer((req, res) => void handler(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics` }
}

describe('the /metrics handler', () => {
  let guarded: { server: Server; url: string }
  let open: { server: Server; url: string }
  beforeAll(async () => {
    guarded = await serve(TOKEN)
    open = await serve(undefined)
  })
  afterAll(() => {
    guarded.server.close()
    open.server.close()
  })

  it('wants the exact bearer token when one is configured', async () => {
    const missing = await fetch(guarded.url)
    expect(missing.status).toBe(401)
    expect(missing.headers.get('www-authenticate')).toBe('Bearer realm="metrics"')
    for (const wrong of [`Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}0`, `Basic ${TOKEN}`, TOKEN, 'Bearer ']) {
      const response = await fetch(guarded.url, { headers: { Authorization: wrong } })
      expect(response.status, wrong).toBe(401)
    }
    const ok = await fetch(guarded.url, { headers: { Authorization: `Bearer ${TOKEN}` } })
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('# TYPE http_request_duration_seconds histogram')
  })

  it('is open without a token, read-only, and reads the registered pools on scrape', async () => {
    const pool = { totalCount: 7, idleCount: 3, waitingCount: 2 }
    registerPool('unit', pool)
    const text = await (await fetch(open.url)).text()
    expect(text).toContain('db_pool_connections_in_use{pool="unit"} 4')
    expect(text).toContain('db_pool_connections_idle{pool="unit"} 3')
    expect(text).toContain('db_pool_requests_waiting{pool="unit"} 2')
    expect(text).toContain('response_cache_requests_total{result="hit"} 0')
    expect(text).toMatch(/^process_cpu_seconds_total \d/m)
    unregisterPool('unit', pool)
    expect(await (await fetch(open.url)).text()).not.toContain('pool="unit"')
    expect((await fetch(open.url, { method: 'POST' })).status).toBe(405)
  })

  it('shares one registry between copies of the module (server.ts and Next each load their own)', async () => {
    const first = getMetrics()
    vi.resetModules()
    const copy = await import('@/platform/observability/metrics/registry')
    expect(copy.getMetrics).not.toBe(getMetrics)
    expect(copy.getMetrics()).toBe(first)
  })
})
