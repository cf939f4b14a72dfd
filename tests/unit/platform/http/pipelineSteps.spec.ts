/**
 * The steps of the request pipeline in front of Next (server.ts), each on a plain node:http server
 * with a stand-in for what comes after it: no build, no Next, no database.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { CLIENT_IP_HEADER } from '@/platform/auth/requestMeta'
import { stampClientIp } from '@/platform/http/clientIp'
import { jsonBodyStep } from '@/platform/http/jsonBody'
import { metricsRoute } from '@/platform/http/metricsRoute'
import { type Handler, pipeline, type Step } from '@/platform/http/pipeline'
import { publicRateLimitStep } from '@/platform/http/publicRateLimit'
import { readParamsStep } from '@/platform/http/readParamsStep'
import { requestContext } from '@/platform/http/requestContext'
import { responseCacheStep } from '@/platform/http/responseCacheStep'
import { currentRequestId, noteUnavailableDependency } from '@/platform/observability/requestContext'

beforeAll(() => {
  // clientIpOf and the rate limiter read the configuration: the least it needs.
  process.env.SECRET_KEY ??= 'unit-test-secret'
})

let server: Server | undefined
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve))
  server = undefined
})

const serve = async (handler: Handler): Promise<string> => {
  server = createServer((req, res) => void handler(req, res))
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** What comes after a step: answers 200 "next" and says it was reached. */
const last = () => {
  const reached = vi.fn()
  const handler: Handler = (req, res) => {
    reached(req)
    res.writeHead(200, { 'Content-Type': 'text/plain' })
    res.end('next')
  }
  return { reached, handler }
}

const logger = { error: vi.fn() }

describe('pipeline', () => {
  it('runs the steps in the order listed, skipping an absent one, then the last handler', async () => {
    const order: string[] = []
    const mark =
      (name: string): Step =>
      (next) =>
      (req, res) => {
        order.push(name)
        return next(req, res)
      }
    const { handler, reached } = last()
    const url = await serve(pipeline([mark('a'), undefined, mark('b'), mark('c')], handler))
    expect(await (await fetch(url)).text()).toBe('next')
    expect(order).toEqual(['a', 'b', 'c'])
    expect(reached).toHaveBeenCalledTimes(1)
  })
})

describe('metricsRoute', () => {
  it('answers the metrics path (with or without a query) and hands every other request on', async () => {
    const { handler, reached } = last()
    const serveMetrics = vi.fn(async (_req: IncomingMessage, res: ServerResponse) => void res.end('metrics'))
    const url = await serve(metricsRoute({ path: '/metrics', serveMetrics, logger })(handler))
    expect(await (await fetch(`${url}/metrics`)).text()).toBe('metrics')
    expect(await (await fetch(`${url}/metrics?x=1`)).text()).toBe('metrics')
    expect(await (await fetch(`${url}/metrics-not`)).text()).toBe('next')
    expect(await (await fetch(`${url}/api/anime`)).text()).toBe('next')
    expect(serveMetrics).toHaveBeenCalledTimes(2)
    expect(reached).toHaveBeenCalledTimes(2)
  })

  it('a failed collection is a bare 500, logged', async () => {
    const url = await serve(
      metricsRoute({ path: '/metrics', serveMetrics: async () => Promise.reject(new Error('boom')), logger })(last().handler),
    )
    const response = await fetch(`${url}/metrics`)
    expect(response.status).toBe(500)
    expect(await response.text()).toBe('')
    expect(logger.error).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), 'metrics collection failed')
  })
})

describe('stampClientIp', () => {
  it('replaces what the client claims in the client-IP header with the socket address', async () => {
    const { handler, reached } = last()
    const url = await serve(stampClientIp(handler))
    await fetch(url, { headers: { [CLIENT_IP_HEADER]: '6.6.6.6', 'X-Forwarded-For': '7.7.7.7' } })
    const req = reached.mock.calls[0]![0] as IncomingMessage
    expect(req.headers[CLIENT_IP_HEADER]).toBe('127.0.0.1')
  })
})

describe('requestContext', () => {
  it('runs what follows inside the request context and answers 503 when it met an unavailable database', async () => {
    const replaced = vi.fn()
    const seen: (string | undefined)[] = []
    const step = requestContext({
      observe: (req) => ({ requestId: String(req.headers['x-request-id']) }),
      onDependencyFailure: replaced,
    })
    const url = await serve(
      step((req, res) => {
        seen.push(currentRequestId())
        if (req.url === '/down') noteUnavailableDependency('database')
        res.writeHead(403, { 'Content-Type': 'application/json' })
        res.end('{}')
      }),
    )
    expect((await fetch(`${url}/up`, { headers: { 'X-Request-Id': 'r-up' } })).status).toBe(403)
    const down = await fetch(`${url}/down`, { headers: { 'X-Request-Id': 'r-down' } })
    expect(down.status).toBe(503)
    expect(down.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(seen).toEqual(['r-up', 'r-down'])
    expect(replaced).toHaveBeenCalledTimes(1)
  })
})

describe('responseCacheStep', () => {
  it('lets the cache answer or call what follows; without a cache it is no step at all', async () => {
    const { handler } = last()
    expect(responseCacheStep(undefined)(handler)).toBe(handler)
    const cache = vi.fn(async (req: IncomingMessage, res: ServerResponse, next: Handler) => {
      if (req.url === '/hit') {
        res.writeHead(200, { 'X-Cache': 'HIT' })
        res.end('cached')
        return
      }
      await next(req, res)
    })
    const url = await serve(responseCacheStep(cache)(handler))
    const hit = await fetch(`${url}/hit`)
    expect([hit.headers.get('x-cache'), await hit.text()]).toEqual(['HIT', 'cached'])
    expect(await (await fetch(`${url}/miss`)).text()).toBe('next')
  })
})

describe('readParamsStep', () => {
  it('stops a request the guard answered, and hands on one it let through', async () => {
    const { handler, reached } = last()
    const guard = (req: IncomingMessage, res: ServerResponse) => {
      if (!req.url?.includes('limit=x')) return false
      res.writeHead(400, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify({ errors: [{ message: 'limit', field: 'limit' }] }))
      return true
    }
    const url = await serve(readParamsStep(guard)(handler))
    expect((await fetch(`${url}/api/anime?limit=x`)).status).toBe(400)
    expect((await fetch(`${url}/api/anime?limit=1`)).status).toBe(200)
    expect(reached).toHaveBeenCalledTimes(1)
  })
})

describe('jsonBodyStep', () => {
  it('refuses an API write whose JSON body does not parse, and passes a good one', async () => {
    const { handler } = last()
    const url = await serve(jsonBodyStep(['/api/graphql'])(handler))
    const post = (body: string) => fetch(`${url}/api/anime`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
    const refused = await post('{"title":')
    expect(refused.status).toBe(400)
    expect(JSON.stringify(await refused.json())).toContain('body')
    expect((await post('{"title":"A"}')).status).toBe(200)
  })
})

describe('publicRateLimitStep', () => {
  it('answers 429 with Retry-After past the limit of a limited route, and leaves other routes alone', async () => {
    const { handler } = last()
    const routes = [
      { name: `unit-${process.pid}-${Date.now()}`, methods: ['GET'], path: /^\/limited$/, rule: { points: 1, durationSeconds: 60 } },
    ]
    const url = await serve(publicRateLimitStep(routes)(handler))
    expect((await fetch(`${url}/limited`)).status).toBe(200)
    const refused = await fetch(`${url}/limited`)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)
    expect((await fetch(`${url}/other`)).status).toBe(200)
    expect((await fetch(`${url}/other`)).status).toBe(200)
  })
})
