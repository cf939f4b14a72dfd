import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterEach, describe, expect, it } from 'vitest'

import { runSoak } from '../../../bench/lib/soak'

type Doc = { id: number; title: string }

/**
 * A stand-in for the API the soak drives: detail pages, list pages and PATCH of a title. With
 * `lagMs` > 0 a write is answered 200 at once but shown to readers only `lagMs` later, as a cache
 * that kept a stale entry would; X-Cache says HIT for detail pages and MISS for lists.
 */
const startFakeApi = async (docs: Doc[], lagMs: number): Promise<{ url: string; server: Server }> => {
  const shown = new Map(docs.map((doc) => [doc.id, doc.title]))
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake')
    const detail = /^\/api\/anime\/(\d+)$/.exec(url.pathname)
    const send = (status: number, body: unknown, cache?: string) => {
      res.writeHead(status, { 'content-type': 'application/json', ...(cache ? { 'x-cache': cache } : {}) })
      res.end(JSON.stringify(body))
    }
    if (req.method === 'PATCH' && detail) {
      let body = ''
      req.on('data', (chunk: Buffer) => (body += chunk))
      req.on('end', () => {
        const id = Number(detail[1])
        const { title } = JSON.parse(body) as { title: string }
        if (lagMs > 0) setTimeout(() => shown.set(id, title), lagMs)
        else shown.set(id, title)
        send(200, { doc: { id, title } })
      })
      return
    }
    if (detail) return send(200, { id: Number(detail[1]), title: shown.get(Number(detail[1])) }, 'HIT')
    return send(200, { docs: docs.map((doc) => ({ id: doc.id, title: shown.get(doc.id) })) }, 'MISS')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }
}

const docs: Doc[] = Array.from({ length: 5 }, (_, i) => ({ id: i + 1, title: `Anime ${i + 1}` }))
const soakOptions = (baseUrl: string) => ({
  baseUrl,
  anime: docs,
  listPaths: ['/api/anime?limit=20'],
  adminToken: 'token',
  concurrency: 4,
  durationMs: 700,
  writeShare: 0.2,
  listShare: 0.25,
})

describe('runSoak (bench:cache soak)', () => {
  let server: Server | undefined
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve))
    server = undefined
  })

  it('counts no stale read when every confirmed write is shown at once, and counts hits per page kind', async () => {
    const api = await startFakeApi(docs, 0)
    server = api.server
    const result = await runSoak(soakOptions(api.url))
    expect(result.writes.requests).toBeGreaterThan(0)
    expect(result.writes.errors).toBe(0)
    expect(result.checks.requests).toBe(result.writes.requests)
    expect(result.stale).toBe(0)
    expect(result.comparedDocs).toBeGreaterThan(result.reads.requests)
    expect(result.detailHitRatio).toBe(1)
    expect(result.listHitRatio).toBe(0)
    expect(result.reads.xCache.HIT).toBe(result.detailReads)
  })

  it('reports stale reads when a confirmed write is not shown yet', async () => {
    const api = await startFakeApi(docs, 200)
    server = api.server
    const result = await runSoak(soakOptions(api.url))
    expect(result.writes.requests).toBeGreaterThan(0)
    expect(result.stale).toBeGreaterThan(0)
    expect(result.firstStale).toMatch(/anime \d+/)
  })
})
