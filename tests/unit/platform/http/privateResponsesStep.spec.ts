import type { IncomingMessage, ServerResponse } from 'node:http'
import { describe, expect, it, vi } from 'vitest'

import { privateResponsesStep } from '@/platform/http/privateResponsesStep'

const run = (url: string, headers: Record<string, string>) => {
  const setHeader = vi.fn()
  const next = vi.fn()
  privateResponsesStep(next)({ url, headers } as unknown as IncomingMessage, { setHeader } as unknown as ServerResponse)
  expect(next).toHaveBeenCalledOnce()
  return setHeader.mock.calls
}

describe('privateResponsesStep (no response cache)', () => {
  it('marks API responses to a token private, no-store', () => {
    expect(run('/api/users/me', { authorization: 'Bearer x' })).toEqual([['cache-control', 'private, no-store']])
    expect(run('/api/favorites', { cookie: 'a=b; payload-token=x' })).toEqual([['cache-control', 'private, no-store']])
  })

  it('leaves anonymous and non-API responses alone', () => {
    expect(run('/api/anime', {})).toEqual([])
    expect(run('/api/anime', { cookie: 'theme=dark' })).toEqual([])
    expect(run('/admin', { authorization: 'Bearer x' })).toEqual([])
  })
})
