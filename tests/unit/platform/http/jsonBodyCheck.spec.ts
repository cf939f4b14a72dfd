import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { withJsonBodyCheck } from '@/platform/http/jsonBody'

let server: Server
let url: string

beforeAll(async () => {
  // The handler behind the check echoes the body it reads: it must get every byte.
  const echo = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    res.writeHead(200, { 'Content-Type': 'text/plain' })
    res.end(Buffer.concat(chunks))
  }
  server = createServer((req, res) => void withJsonBodyCheck(echo, ['/api/graphql'])(req, res))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const post = (path: string, body: string, contentType = 'application/json') =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'Content-Type': contentType }, body })

describe('withJsonBodyCheck', () => {
  it('refuses a JSON body that does not parse with 400 naming the body', async () => {
    for (const body of ['{', 'not json', '{"query": }', '\u0000']) {
      const response = await post('/api/graphql', body)
      expect(response.status, body).toBe(400)
      expect(await response.json()).toEqual({ errors: [{ message: 'The request body is not valid JSON.', field: 'body' }] })
    }
  })

  it('hands a valid body on whole, however large, to the handler', async () => {
    const query = JSON.stringify({ query: `{ Genres { docs { id } } }`, padding: 'x'.repeat(300_000) })
    const response = await post('/api/graphql', query)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(query)
    expect(await (await post('/api/graphql', '', 'application/json')).text()).toBe('')
  })

  it('holds every other API write to a JSON object (Payload answered 500 to a list, string or null)', async () => {
    for (const body of ['{', '[1,2]', '"text"', 'null', '42']) {
      for (const method of ['POST', 'PATCH']) {
        const response = await fetch(`${url}/api/lists/1`, { method, headers: { 'Content-Type': 'application/json' }, body })
        expect(response.status, `${method} ${body}`).toBe(400)
        expect(((await response.json()) as { errors: { field: string }[] }).errors[0]?.field).toBe('body')
      }
    }
    expect(await (await post('/api/lists', '{"name":"ok"}')).text()).toBe('{"name":"ok"}')
    // GraphQL takes any JSON (a batch is a list).
    expect(await (await post('/api/graphql', '[{"query":"{ __typename }"}]')).text()).toBe('[{"query":"{ __typename }"}]')
  })

  it('leaves other paths, methods and content types alone', async () => {
    expect(await (await post('/admin/collections/anime', '{')).text()).toBe('{')
    expect(await (await post('/api/anime', '[1]', 'text/plain')).text()).toBe('[1]')
    expect(await (await post('/api/graphql', '{', 'text/plain')).text()).toBe('{')
    expect((await fetch(`${url}/api/graphql?query={}`)).status).toBe(200)
  })
})
