import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { recentEmails } from '@/platform/auth/email/loggingEmailAdapter'
import { createAuthClient, freshClientIp, registerUser, type AuthClient } from '../../../helpers/authClient'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

let ctx: PayloadInt
let auth: AuthClient

beforeAll(async () => {
  ctx = await initPayloadInt('password-reset')
  auth = createAuthClient(ctx.rest)
})

afterAll(async () => {
  await ctx?.cleanup()
})

const forgot = (email: string) =>
  ctx.rest.post('/users/forgot-password', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-cms-client-ip': freshClientIp() },
    body: JSON.stringify({ email }),
  })

const resetTokenFor = (email: string): string => {
  const message = [...recentEmails()].reverse().find((entry) => entry.to === email)
  const match = message && /reset\/([A-Za-z0-9]+)/.exec(message.html)
  if (!match) throw new Error(`no reset email for ${email}`)
  return match[1]
}

describe('forgot password', () => {
  it('answers a known and an unknown email identically, and mails only the known one', async () => {
    await registerUser(auth, 'known@example.com', 'original-password')
    const before = recentEmails().length

    const known = await forgot('known@example.com')
    const unknown = await forgot('unknown@example.com')
    expect(known.status).toBe(200)
    expect(unknown.status).toBe(known.status)
    expect(await unknown.json()).toEqual(await known.json())

    const sent = recentEmails().slice(before)
    expect(sent.map((email) => email.to)).toEqual(['known@example.com'])
  })

  it('resets the password through the emailed token and revokes every existing session', async () => {
    const phone = await registerUser(auth, 'reset@example.com', 'original-password')
    const laptop = await auth.login({ email: 'reset@example.com', password: 'original-password' })
    const laptopPair = (await laptop.json()) as { accessToken: string; refreshToken: string }
    expect((await auth.sessions(phone.accessToken)).status).toBe(200)

    expect((await forgot('reset@example.com')).status).toBe(200)
    const reset = await ctx.rest.post('/users/reset-password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: resetTokenFor('reset@example.com'), password: 'brand-new-password' }),
    })
    expect(reset.status).toBe(200)

    for (const token of [phone.accessToken, laptopPair.accessToken]) {
      expect((await auth.sessions(token)).status).toBe(401)
    }
    expect((await auth.refresh(phone.refreshToken)).status).toBe(401)
    expect((await auth.refresh(laptopPair.refreshToken)).status).toBe(401)
    expect((await auth.login({ email: 'reset@example.com', password: 'original-password' })).status).toBe(401)
    expect((await auth.login({ email: 'reset@example.com', password: 'brand-new-password' })).status).toBe(200)
  })

  it('refuses a too-short new password with 400 naming the field', async () => {
    await registerUser(auth, 'short-reset@example.com', 'original-password')
    expect((await forgot('short-reset@example.com')).status).toBe(200)
    const reset = await ctx.rest.post('/users/reset-password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: resetTokenFor('short-reset@example.com'), password: 'short' }),
    })
    expect(reset.status).toBe(400)
    expect(JSON.stringify(await reset.json())).toMatch(/password/)
    expect((await auth.login({ email: 'short-reset@example.com', password: 'original-password' })).status).toBe(200)
  })
})
