import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freePort } from '../../helpers/freePort'
import { startServer, TEST_SECRET, type RunningServer } from '../../helpers/serverProcess'

let server: RunningServer
let dataDir: string
let postgresPort: number

const isListening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })

beforeAll(async () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'cms-embedded-'))
  fs.chmodSync(parent, 0o777)
  dataDir = path.join(parent, 'postgres')
  postgresPort = await freePort()
  // No DATABASE_URL and no DB_HOST: the server must bring its own PostgreSQL and migrate it.
  server = await startServer({
    SECRET_KEY: TEST_SECRET,
    EMBEDDED_POSTGRES_DIR: dataDir,
    EMBEDDED_POSTGRES_PORT: String(postgresPort),
  })
})

afterAll(async () => {
  await server?.stop()
  if (dataDir) fs.rmSync(path.dirname(dataDir), { recursive: true, force: true })
})

describe('embedded default (no database configured)', () => {
  it('keeps its data in the configured folder and is healthy', async () => {
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true)
    const response = await fetch(`${server.url}/health`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ status: 'ok' })
  })

  it('shows the create-first-user page at /admin', async () => {
    const response = await fetch(`${server.url}/admin`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/create-first-user/i)
  })

  it('answers REST and GraphQL', async () => {
    const rest = await fetch(`${server.url}/api/media`)
    expect(rest.status).toBe(200)
    expect(await rest.json()).toMatchObject({ docs: [], totalDocs: 0 })

    const graphql = await fetch(`${server.url}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: '{ Media { totalDocs } }' }),
    })
    expect(graphql.status).toBe(200)
    expect(await graphql.json()).toEqual({ data: { Media: { totalDocs: 0 } } })
  })

  it('stops its PostgreSQL when the server stops', async () => {
    expect(await isListening(postgresPort)).toBe(true)
    await server.stop()
    expect(await isListening(postgresPort)).toBe(false)
  })
})
