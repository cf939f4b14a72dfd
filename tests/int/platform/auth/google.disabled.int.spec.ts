import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freshClientIp } from '../../../helpers/authClient'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

// The configuration is read once per test file: this file runs without any sign-in provider configured.
let ctx: PayloadInt

beforeAll(async () => {
  // Empty counts as unset, whatever a developer's shell exports.
  ctx = await initPayloadInt('google-disabled', {
    GOOGLE_CLIENT_ID: '',
    GOOGLE_CLIENT_SECRET: '',
    VK_CLIENT_ID: '',
    YANDEX_CLIENT_ID: '',
    TELEGRAM_BOT_TOKEN: '',
    ALLOWED_ORIGINS: 'http://frontend.test',
  })
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('Google sign-in without GOOGLE_CLIENT_ID', () => {
  it('answers 404 on both routes', async () => {
    const headers = { 'x-cms-client-ip': freshClientIp() }
    const start = await ctx.rest.get(`/auth/google?redirect=${encodeURIComponent('http://frontend.test/signed-in')}`, { headers })
    expect(start.status).toBe(404)
    expect(start.headers.get('location')).toBeNull()
    expect(start.headers.get('set-cookie')).toBeNull()

    const callback = await ctx.rest.get('/auth/google/callback?code=abc&state=def', { headers })
    expect(callback.status).toBe(404)
    expect(callback.headers.get('location')).toBeNull()
    expect(await ctx.payload.count({ collection: 'users' })).toMatchObject({ totalDocs: 0 })
  })
})

describe('VK ID, Yandex ID and Telegram sign-in without their client id / bot token', () => {
  it('answers 404 on every provider route', async () => {
    const headers = { 'x-cms-client-ip': freshClientIp() }
    for (const provider of ['vk', 'yandex']) {
      const start = await ctx.rest.get(`/auth/${provider}?redirect=${encodeURIComponent('http://frontend.test/signed-in')}`, { headers })
      expect(start.status, provider).toBe(404)
      expect(start.headers.get('set-cookie'), provider).toBeNull()
      expect((await ctx.rest.get(`/auth/${provider}/callback?code=abc&state=def`, { headers })).status, provider).toBe(404)
      expect((await ctx.rest.post(`/auth/${provider}/link?redirect=x`, { method: 'POST', headers })).status, provider).toBe(404)
    }
    const telegram = await ctx.rest.post('/auth/telegram', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: 1, auth_date: 1, hash: '0'.repeat(64) }),
    })
    expect(telegram.status).toBe(404)
    expect(await ctx.payload.count({ collection: 'users' })).toMatchObject({ totalDocs: 0 })
  })
})
