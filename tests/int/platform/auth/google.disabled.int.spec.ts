import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freshClientIp } from '../../../helpers/authClient'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

// The configuration is read once per test file: this file runs without GOOGLE_CLIENT_ID.
let ctx: PayloadInt

beforeAll(async () => {
  // Empty counts as unset, whatever a developer's shell exports.
  ctx = await initPayloadInt('google-disabled', { GOOGLE_CLIENT_ID: '', GOOGLE_CLIENT_SECRET: '', ALLOWED_ORIGINS: 'http://frontend.test' })
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
