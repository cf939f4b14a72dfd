import { describe, expect, it } from 'vitest'

import { createHeldEntries } from '@/platform/cache/responseCache/heldEntries'

const response = (bytes: number) => ({ status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.alloc(bytes) })

describe('held entries', () => {
  it('keep the newest within their budget, the oldest going first', () => {
    const held = createHeldEntries(10_000)
    for (let index = 0; index < 12; index++) held.keep(`key${index}`, `key${index}:1`, response(900))
    expect(held.size()).toBeLessThanOrEqual(10_000)
    expect(held.get('key0')).toBeUndefined()
    expect(held.get('key11')?.versionedKey).toBe('key11:1')
    expect(held.get('key11')?.response.body.length).toBe(900)
  })

  it('replace a key in place, hold nothing larger than a tenth of the budget, and forget on demand', () => {
    const held = createHeldEntries(10_000)
    held.keep('list', 'list:1', response(500))
    held.keep('list', 'list:2', response(500))
    expect(held.get('list')?.versionedKey).toBe('list:2')
    const one = held.size()
    expect(one).toBeGreaterThan(500)
    held.keep('big', 'big:1', response(1_200))
    expect(held.get('big')).toBeUndefined()
    expect(held.size()).toBe(one)
    held.forget('list')
    expect(held.size()).toBe(0)
  })

  it('hold a copy: headers completed by the caller after keeping do not reach the held entry', () => {
    const held = createHeldEntries(10_000)
    const sent = response(10)
    held.keep('list', 'list:1', sent)
    sent.headers['x-cache' as 'content-type'] = 'HIT'
    expect(held.get('list')?.response.headers).toEqual({ 'content-type': 'application/json' })
  })
})
