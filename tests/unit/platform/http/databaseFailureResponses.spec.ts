import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { answerUnavailableOnDependencyFailure } from '@/platform/http/answerUnavailableOnDependencyFailure'
import { createDatabaseOutageGate } from '@/platform/http/databaseOutageGate'
import { createTokenGate } from '@/platform/http/tokenGate'
import type { RequestContext } from '@/platform/observability/requestContext'

type Handler = (req: IncomingMessage, res: ServerResponse) => void

let server: Server | undefined
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve))
  server = undefined
})

const serve = async (handler: Handler): Promise<string> => {
  server = createServer(handler)
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })

/** What Payload answers when its session lookup failed and it took the caller for anonymous. */
const payloadForbidden: Handler = (_req, res) => {
  const body = JSON.stringify({ errors: [{ message: 'You are not allowed to perform this action.' }] })
  res.setHeader('Content-Length', Buffer.byteLength(body))
  res.setHeader('Content-Type', 'application/json')
  res.statusCode = 403
  res.end(body)
}

describe('answerUnavailableOnDependencyFailure', () => {
  it('replaces the response of a request that met an unavailable database with 503 + Retry-After', async () => {
    const replaced = vi.fn()
    const url = await serve((req, res) => {
      const context: RequestContext = { requestId: 'r1' }
      res.setHeader('X-Request-Id', 'r1')
      answerUnavailableOnDependencyFailure(res, context, replaced)
      context.unavailableDependency = 'database'
      payloadForbidden(req, res)
    })
    const response = await fetch(url)
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(response.headers.get('x-request-id')).toBe('r1')
    expect(await response.json()).toEqual({ errors: [{ message: expect.stringMatching(/database/) }] })
    expect(replaced).toHaveBeenCalledTimes(1)
  })

  it('also when the body is streamed in chunks after writeHead', async () => {
    const url = await serve((_req, res) => {
      const context: RequestContext = { requestId: 'r2', unavailableDependency: 'database' }
      answerUnavailableOnDependencyFailure(res, context)
      res.writeHead(500, { 'Content-Type': 'text/plain' })
      res.write('part one, ')
      res.end('part two')
    })
    const response = await fetch(url)
    expect(response.status).toBe(503)
    expect(await response.text()).toMatch(/database/)
  })

  it('leaves every other response alone', async () => {
    const url = await serve((req, res) => {
      answerUnavailableOnDependencyFailure(res, { requestId: 'r3' })
      payloadForbidden(req, res)
    })
    const response = await fetch(url)
    expect(response.status).toBe(403)
    expect(await response.json()).toEqual({ errors: [{ message: 'You are not allowed to perform this action.' }] })
  })
})

describe('createTokenGate', () => {
  const next: Handler = (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain' })
    res.end('served')
  }
  const gate = (
    judgeToken: (token: string) => Promise<never> | Promise<{ outcome: 'invalid' } | { outcome: 'anonymous' }>,
    down = false,
  ) => {
    const onDatabaseFailure = vi.fn()
    const logger = { error: vi.fn() }
    const handler = createTokenGate({ judgeToken, isDatabaseDown: () => down, onDatabaseFailure, logger })(next)
    return { handler: handler as Handler, onDatabaseFailure, logger }
  }
  const withToken = { headers: { Authorization: 'Bearer abc.def.ghi' } }

  it('answers 401 for a token that is verifiably bad', async () => {
    const url = await serve(gate(async () => ({ outcome: 'invalid' })).handler)
    const response = await fetch(`${url}/api/users/me`, withToken)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"')
  })

  it('answers 503 + Retry-After, never 401, when the session cannot be looked up', async () => {
    const { handler, onDatabaseFailure, logger } = gate(async () => Promise.reject(refused))
    const url = await serve(handler)
    const response = await fetch(`${url}/api/users/me`, withToken)
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(response.headers.get('www-authenticate')).toBeNull()
    expect(onDatabaseFailure).toHaveBeenCalledWith(refused)
    expect(logger.error).not.toHaveBeenCalled()
  })

  it('answers 503 at once while the database is known to be down, without asking it', async () => {
    const judge = vi.fn(async () => ({ outcome: 'invalid' as const }))
    const url = await serve(gate(judge, true).handler)
    expect((await fetch(`${url}/api/users/me`, withToken)).status).toBe(503)
    expect(judge).not.toHaveBeenCalled()
  })

  it('lets requests without a token through untouched', async () => {
    const url = await serve(gate(async () => Promise.reject(refused), true).handler)
    expect(await (await fetch(`${url}/api/anime`)).text()).toBe('served')
  })
})

describe('createDatabaseOutageGate', () => {
  const next: Handler = (_req, res) => {
    res.end('served')
  }

  it('refuses what needs the database while it is down, and serves the rest', async () => {
    let down = true
    const refusedCount = vi.fn()
    const url = await serve(createDatabaseOutageGate({ isDatabaseDown: () => down, onRefused: refusedCount })(next) as Handler)
    for (const path of ['/api/anime', '/api/graphql', '/admin', '/admin/collections/anime']) {
      const response = await fetch(`${url}${path}`)
      expect({ path, status: response.status }).toEqual({ path, status: 503 })
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
    }
    for (const path of ['/health', '/_next/static/chunk.js', '/favicon.ico', '/administrator']) {
      expect({ path, status: (await fetch(`${url}${path}`)).status }).toEqual({ path, status: 200 })
    }
    expect(refusedCount).toHaveBeenCalledTimes(4)
    down = false
    expect((await fetch(`${url}/api/anime`)).status).toBe(200)
  })
})
