import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { listMigrationNames } from '@/platform/database/migrationFiles'
import { createAccountWithRole } from '../../helpers/accounts'
import { gradientImage } from '../../helpers/images'
import { ensureProductionBuild } from '../../helpers/productionBuild'
import { NEUTRAL_ENV, startServer, TEST_SECRET, type RunningServer } from '../../helpers/serverProcess'
import { createMigratedTestDatabase, createTestDatabase, type TestDatabase } from '../../helpers/testDatabase'

/*
 * What the Docker image runs, without Docker: the runtime stage is `.next/standalone` alone, so a
 * copy of it outside the repository (no node_modules further up to fall back on) must migrate a
 * fresh database and serve. A file the build forgot to put there fails here.
 */

let appDir: string
let database: TestDatabase
let server: RunningServer | undefined

const env = (): NodeJS.ProcessEnv => ({
  ...process.env,
  ...NEUTRAL_ENV,
  NODE_ENV: 'production' as const,
  NODE_OPTIONS: '--no-deprecation',
  SECRET_KEY: TEST_SECRET,
  DATABASE_URL: database.url,
})

/** `node dist/migrate.js` in the copy: the image's release command, exactly as operators type it. */
const runMigrate = (): Promise<{ code: number | null; output: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['dist/migrate.js'], { cwd: appDir, env: env() })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('error', reject)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })

const appliedMigrations = async (url = database.url): Promise<{ name: string; batch: number }[]> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ name: string; batch: number }>(
      'SELECT name, batch::int AS batch FROM payload_migrations ORDER BY name',
    )
    return rows
  } finally {
    await client.end()
  }
}

const committed = listMigrationNames(path.join(process.cwd(), 'migrations'))

beforeAll(async () => {
  ensureProductionBuild()
  appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-standalone-'))
  fs.cpSync(path.join(process.cwd(), '.next', 'standalone'), appDir, { recursive: true, verbatimSymlinks: true })
  database = await createTestDatabase('standalone')
}, 600_000)

afterAll(async () => {
  await server?.stop()
  await database?.drop()
  if (appDir) fs.rmSync(appDir, { recursive: true, force: true })
})

describe('the standalone directory (the Docker image without Docker)', () => {
  it('has no way back into the repository', () => {
    expect(path.relative(process.cwd(), appDir).startsWith('..')).toBe(true)
    expect(fs.existsSync(path.join(appDir, 'node_modules', '.bin', 'payload'))).toBe(false)
    expect(fs.existsSync(path.join(appDir, 'node_modules', 'typescript'))).toBe(false)
  })

  it('migrates a fresh database with dist/migrate.js, as `payload migrate` would', async () => {
    const { code, output } = await runMigrate()
    expect(code, output).toBe(0)
    expect(await appliedMigrations()).toEqual(committed.map((name) => ({ name, batch: 1 })))
    // The same rows as the Payload CLI leaves (the suite's template is migrated with `payload migrate`).
    const byCli = await createMigratedTestDatabase('standalone_cli')
    try {
      expect(await appliedMigrations()).toEqual(await appliedMigrations(byCli.url))
    } finally {
      await byCli.drop()
    }
  })

  it('serves health, the admin panel with its assets, REST, GraphQL and uploads', async () => {
    server = await startServer({ SECRET_KEY: TEST_SECRET, DATABASE_URL: database.url }, { appDir })
    expect((await fetch(`${server.url}/health`)).status).toBe(200)

    const admin = await fetch(`${server.url}/admin`)
    expect(admin.status).toBe(200)
    const chunk = (await admin.text()).match(/\/_next\/static\/[^"'\s]+\.js/)?.[0]
    expect(chunk).toBeDefined()
    const asset = await fetch(`${server.url}${chunk}`)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toMatch(/javascript/)

    expect((await fetch(`${server.url}/api/anime`)).status).toBe(200)
    const graphql = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ Media { totalDocs } }' }),
    })
    expect(await graphql.json()).toEqual({ data: { Media: { totalDocs: 0 } } })

    // Files read at run time rather than imported: Swagger UI's assets and the metrics' route list.
    expect((await fetch(`${server.url}/api/openapi.json`)).status).toBe(200)
    const swaggerUi = await fetch(`${server.url}/api/docs/swagger-ui-bundle.js`)
    expect(swaggerUi.status).toBe(200)
    expect((await swaggerUi.text()).length).toBeGreaterThan(100_000)
    const metrics = await fetch(`${server.url}/metrics`)
    expect(metrics.status).toBe(200)
    expect(await metrics.text()).toMatch(/http_request_duration_seconds_count\{route="\/api\/anime",method="GET",status_code="200"\} 1/)

    // An image upload: sharp (a native module) resizes it, and the files land in the copy's media/.
    const { accessToken } = await createAccountWithRole({
      serverUrl: server.url,
      databaseUrl: database.url,
      email: 'editor@example.com',
      password: 'correct-horse-battery-1',
      role: 'editor',
    })
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await gradientImage(800, 600))], { type: 'image/png' }), 'gradient.png')
    form.append('_payload', JSON.stringify({ alt: 'A gradient' }))
    const upload = await fetch(`${server.url}/api/media`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${accessToken}` },
      body: form,
    })
    const body = (await upload.json()) as { doc?: { filename: string; url: string } }
    expect(upload.status, JSON.stringify(body)).toBe(201)
    expect(fs.existsSync(path.join(appDir, 'media', body.doc?.filename ?? '-'))).toBe(true)
    expect((await fetch(new URL(body.doc?.url ?? '', server.url))).status).toBe(200)
  })

  it('runs dist/migrate.js again without applying anything', async () => {
    const before = await appliedMigrations()
    const { code, output } = await runMigrate()
    expect(code, output).toBe(0)
    expect(await appliedMigrations()).toEqual(before)
  })
})
