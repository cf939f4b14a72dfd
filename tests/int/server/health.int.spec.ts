import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { runMigrations } from '@/platform/database/runMigrations'
import { startPrivatePostgres, type PrivatePostgres } from '../../helpers/privatePostgres'
import { startServer, TEST_SECRET, waitFor, type RunningServer } from '../../helpers/serverProcess'

let postgres: PrivatePostgres
let server: RunningServer

const health = async (): Promise<{ status: number; body: { status: string }; ms: number }> => {
  const started = Date.now()
  const response = await fetch(`${server.url}/health`, { signal: AbortSignal.timeout(15_000) })
  return { status: response.status, body: (await response.json()) as { status: string }, ms: Date.now() - started }
}

beforeAll(async () => {
  postgres = await startPrivatePostgres()
  await runMigrations(postgres.url, process.cwd(), { SECRET_KEY: TEST_SECRET, S3_BUCKET: '' })
  server = await startServer({ SECRET_KEY: TEST_SECRET, DATABASE_URL: postgres.url })
})

afterAll(async () => {
  await server?.stop()
  await postgres?.destroy()
})

describe('GET /health', () => {
  it('is 200 ok while the database answers', async () => {
    const result = await health()
    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({ status: 'ok', checks: { database: { status: 'ok' } } })
  })

  it('is 503 error within seconds when the database goes away, and 200 again when it returns', async () => {
    await postgres.stop()

    const down = await health()
    expect(down.status).toBe(503)
    expect(down.body).toMatchObject({ status: 'error', checks: { database: { status: 'error' } } })
    expect(down.ms).toBeLessThan(5_000)
    // Still answering (not hanging, not crashing) on repeated probes.
    const again = await health()
    expect(again.status).toBe(503)

    await postgres.start()
    const recovered = await waitFor(async () => (await health()).status === 200, 30_000, 500)
    expect(recovered).toBe(true)
    expect((await health()).body.status).toBe('ok')
  })
})
