import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

let ctx: PayloadInt

beforeAll(async () => {
  ctx = await initPayloadInt('debug_sql', { DEBUG: 'true' })
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('DEBUG=true', () => {
  it('logs the SQL that Payload runs', async () => {
    // drizzle's logger writes each statement through console.log.
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    try {
      await ctx.payload.find({ collection: 'media', limit: 1 })
      const lines = log.mock.calls.map((call) => String(call[0]))
      expect(lines.some((line) => /^Query: select .*"media"/i.test(line))).toBe(true)
    } finally {
      log.mockRestore()
    }
  })
})
