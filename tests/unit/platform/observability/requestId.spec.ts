import { describe, expect, it } from 'vitest'

import { currentRequestId, requestIdFrom, runWithRequestContext } from '@/platform/observability/requestContext'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('request ids', () => {
  it('keeps a sane incoming id', () => {
    expect(requestIdFrom('test-abc-123')).toBe('test-abc-123')
    expect(requestIdFrom('Root:1-5759e988.bd862e3f_x')).toBe('Root:1-5759e988.bd862e3f_x')
    expect(requestIdFrom('a'.repeat(128))).toBe('a'.repeat(128))
    expect(requestIdFrom(['first-id', 'second-id'])).toBe('first-id')
  })

  it('replaces a missing, too long or unsafe id with a UUID', () => {
    for (const bad of [undefined, '', 'a'.repeat(129), 'has space', 'new\nline', 'quote"', '<script>', 'ünïcode', 'semi;colon', 'Root=1']) {
      expect(requestIdFrom(bad), String(bad)).toMatch(UUID)
    }
    expect(requestIdFrom(undefined)).not.toBe(requestIdFrom(undefined))
  })

  it('is readable from code running for the request, across awaits', async () => {
    expect(currentRequestId()).toBeUndefined()
    const seen = await runWithRequestContext({ requestId: 'req-1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      return currentRequestId()
    })
    expect(seen).toBe('req-1')
    expect(currentRequestId()).toBeUndefined()
  })
})
