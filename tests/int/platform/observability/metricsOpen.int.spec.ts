import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ensureProductionBuild } from '../../../helpers/productionBuild'
import { parsePrometheusText, type Sample, valueOf } from '../../../helpers/prometheusText'
import { startServer, TEST_SECRET, waitFor, type RunningServer } from '../../../helpers/serverProcess'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'

/** Without METRICS_TOKEN, /metrics is open, and a production server says so at start. */

let database: TestDatabase
let server: RunningServer

beforeAll(async () => {
  ensureProductionBuild()
  database = await createMigratedTestDatabase('metrics_open')
  server = await startServer({ SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url, METRICS_TOKEN: '' }, { compiled: true })
})

afterAll(async () => {
  await server?.stop()
  await database?.drop()
})

describe('/metrics without METRICS_TOKEN', () => {
  it('answers any scrape, and the production server warned at start', async () => {
    const health = await fetch(`${server.url}/health`)
    expect(health.status).toBe(200)
    await health.text()
    let samples: Sample[] = []
    // A request is recorded when its response has ended, which the client may see a moment earlier.
    const recorded = await waitFor(async () => {
      const response = await fetch(`${server.url}/metrics`)
      expect(response.status).toBe(200)
      samples = parsePrometheusText(await response.text())
      return valueOf(samples, 'http_request_duration_seconds_count', { route: '/health', method: 'GET', status_code: '200' }) === 1
    }, 5_000)
    expect(recorded).toBe(true)
    // No Redis: the cache is in memory and still counted; no RabbitMQ: the backlog is still counted.
    expect(valueOf(samples, 'response_cache_requests_total', { result: 'hit' })).toBe(0)
    expect(valueOf(samples, 'events_outbox_backlog')).toBeGreaterThanOrEqual(0)
    expect(valueOf(samples, 'db_pool_connections_idle', { pool: 'payload' })).toBeGreaterThanOrEqual(0)
    expect(server.output()).toContain('METRICS_TOKEN is unset')
  })
})
