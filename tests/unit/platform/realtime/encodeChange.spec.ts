import { describe, expect, it } from 'vitest'

import { changeOf, encodeChange } from '@/platform/realtime/subscriptions/encodeChange'

describe('encodeChange', () => {
  it('is byte for byte JSON.stringify of the change message', () => {
    const doc = {
      id: 7,
      title: 'Shingeki "no" Kyojin \u2028 \\ 進撃',
      nested: { list: [1, null, 'x'] },
      updatedAt: '2026-12-02T00:00:00.000Z',
    }
    for (const clientId of ['anime', 'with "quotes" and \\ slashes', '\u0000control', 'ключ']) {
      for (const event of ['create', 'update', 'delete'] as const) {
        expect(encodeChange(clientId, event, JSON.stringify(doc))).toBe(JSON.stringify({ type: 'change', id: clientId, event, doc }))
      }
    }
  })

  it('gives the message with its JSON', () => {
    const doc = { id: 'abc' }
    const [message, encoded] = changeOf('sub-1', 'update', doc, JSON.stringify(doc))
    expect(message).toEqual({ type: 'change', id: 'sub-1', event: 'update', doc })
    expect(JSON.parse(encoded)).toEqual(message)
  })
})
