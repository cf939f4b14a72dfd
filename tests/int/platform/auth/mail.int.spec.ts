import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAuthClient, freshClientIp, type TokenPairBody } from '../../../helpers/authClient'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'
import { type LocalSmtpServer, startSmtpServer } from '../../../helpers/smtpServer'

/**
 * Real email: Payload sends through SMTP (@payloadcms/email-nodemailer) to a local SMTP server that
 * requires a password; the tests read the received message and follow its link.
 */

const SERVER_URL = 'http://cms.mail.test'
const PASSWORD = 'original-password'

let smtp: LocalSmtpServer
let ctx: PayloadInt

beforeAll(async () => {
  smtp = await startSmtpServer()
  ctx = await initPayloadInt('mail', {
    SERVER_URL,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_SECURE: 'false',
    SMTP_USER: smtp.user,
    SMTP_PASSWORD: smtp.password,
    EMAIL_FROM_ADDRESS: 'cms@mail.test',
    EMAIL_FROM_NAME: 'CMS Test',
    REQUIRE_EMAIL_VERIFICATION: 'true',
  })
})

afterAll(async () => {
  await ctx?.cleanup()
  await smtp?.stop()
})

const post = (path: string, body: unknown) =>
  ctx.rest.post(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-cms-client-ip': freshClientIp() },
    body: JSON.stringify(body),
  })

/** The first link in the message that starts with SERVER_URL. */
const linkIn = (body: string): URL => {
  const match = new RegExp(`${SERVER_URL.replace(/[.]/g, '\\.')}[^"'<>\\s]+`).exec(body)
  if (!match) throw new Error(`no link to ${SERVER_URL} in: ${body.slice(0, 500)}`)
  return new URL(match[0].replace(/&amp;/g, '&'))
}

describe('email verification (REQUIRE_EMAIL_VERIFICATION=true)', () => {
  it('mails a link; the account signs in only after following it, and the link works once', async () => {
    const auth = createAuthClient(ctx.rest)
    const registered = await auth.register({ email: 'new@mail.test', password: PASSWORD, name: 'New' })
    expect(registered.status).toBe(201)
    const body = (await registered.json()) as { verificationRequired?: boolean; accessToken?: string }
    expect(body.verificationRequired).toBe(true)
    expect(body.accessToken).toBeUndefined()

    const mail = await smtp.waitFor('new@mail.test')
    expect(mail.from).toBe('cms@mail.test')
    expect(mail.raw).toMatch(/^From: "?CMS Test"? <cms@mail\.test>/m)
    const link = linkIn(mail.body)
    expect(link.pathname).toBe('/api/auth/verify-email')

    const early = await auth.login({ email: 'new@mail.test', password: PASSWORD })
    expect(early.status).toBe(403)
    expect(((await early.json()) as TokenPairBody).accessToken).toBeUndefined()

    const followed = await ctx.rest.get(`${link.pathname.replace(/^\/api/, '')}${link.search}`)
    expect(followed.status).toBe(200)
    expect(await followed.json()).toMatchObject({ verified: true })

    const login = await auth.login({ email: 'new@mail.test', password: PASSWORD })
    expect(login.status).toBe(200)
    expect(((await login.json()) as TokenPairBody).accessToken).toBeTruthy()

    const again = await ctx.rest.get(`${link.pathname.replace(/^\/api/, '')}${link.search}`)
    expect(again.status).toBe(400)
    expect(((await again.json()) as { errors: { field: string }[] }).errors[0].field).toBe('token')
    expect((await ctx.rest.get('/auth/verify-email')).status).toBe(400)
  })
})

describe('password reset by email', () => {
  it('mails a reset link; its token sets a new password, and the old one stops working', async () => {
    const auth = createAuthClient(ctx.rest)
    expect((await auth.register({ email: 'reset@mail.test', password: PASSWORD })).status).toBe(201)
    const verification = await smtp.waitFor('reset@mail.test')
    const verifyLink = linkIn(verification.body)
    expect((await ctx.rest.get(`${verifyLink.pathname.replace(/^\/api/, '')}${verifyLink.search}`)).status).toBe(200)
    expect((await auth.login({ email: 'reset@mail.test', password: PASSWORD })).status).toBe(200)

    const countBefore = smtp.received.length
    expect((await post('/users/forgot-password', { email: 'reset@mail.test' })).status).toBe(200)
    const deadline = Date.now() + 15_000
    while (smtp.received.length === countBefore && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
    const resetMail = smtp.received.slice(countBefore).find((mail) => mail.to.includes('reset@mail.test'))
    if (!resetMail) throw new Error('no reset email arrived')
    const link = linkIn(resetMail.body)
    // Payload's own reset page in the admin, which posts the token to /api/users/reset-password.
    const token = /\/admin\/reset\/([A-Za-z0-9]+)$/.exec(link.pathname)?.[1]
    expect(token).toBeTruthy()

    const reset = await post('/users/reset-password', { token, password: 'brand-new-password' })
    expect(reset.status).toBe(200)
    expect((await auth.login({ email: 'reset@mail.test', password: PASSWORD })).status).toBe(401)
    expect((await auth.login({ email: 'reset@mail.test', password: 'brand-new-password' })).status).toBe(200)
    // The token is spent.
    expect((await post('/users/reset-password', { token, password: 'another-new-password' })).status).toBeGreaterThanOrEqual(400)
  })
})
