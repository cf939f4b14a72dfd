import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { timeStep, totpCode } from '@/platform/auth/twoFactor/totp'
import { createAuthClient, postJson, registerUser, type TokenPairBody } from '../../../helpers/authClient'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

/** REQUIRE_STAFF_2FA=true: editors, moderators and admins get in only through an authenticator. */

let ctx: PayloadInt

beforeAll(async () => {
  ctx = await initPayloadInt('two-factor-staff', { REQUIRE_STAFF_2FA: 'true' })
})

afterAll(async () => {
  await ctx?.cleanup()
})

const PASSWORD = 'correct-horse-battery'

const post = (path: string, body: unknown, token?: string) => postJson(ctx.rest, path, body, token)

const accountWithRole = async (email: string, role: 'editor' | 'moderator' | 'admin' | 'user'): Promise<number> => {
  const { user } = await registerUser(createAuthClient(ctx.rest), email, PASSWORD)
  await ctx.payload.update({ collection: 'users', id: user.id, data: { roles: [role] }, overrideAccess: true })
  return user.id
}

type Challenge = { twoFactorRequired: true; step: 'verify' | 'enrol'; challenge: string }

describe('REQUIRE_STAFF_2FA=true', () => {
  it('leads an editor without an authenticator through enrolment before any token', async () => {
    await accountWithRole('editor@staff.test', 'editor')
    const login = await post('/auth/login', { email: 'editor@staff.test', password: PASSWORD })
    expect(login.status).toBe(200)
    const { step, challenge } = (await login.json()) as Challenge & { accessToken?: string }
    expect(step).toBe('enrol')

    // The admin's own login answers the same way, with no cookie.
    const adminLogin = await post('/users/login', { email: 'editor@staff.test', password: PASSWORD })
    expect(adminLogin.status).toBe(401)
    expect(adminLogin.headers.get('set-cookie')).toBeNull()
    expect(((await adminLogin.json()) as { errors: { data: Challenge }[] }).errors[0].data.step).toBe('enrol')

    // An enrol challenge is not a way around the code: verify refuses it.
    expect((await post('/auth/2fa/verify', { challenge, code: '123456' })).status).toBe(401)

    const enrol = await post('/auth/2fa/enrol', { challenge })
    expect(enrol.status).toBe(200)
    const { secret } = (await enrol.json()) as { secret: string }
    const confirmed = await post('/auth/2fa/confirm', { challenge, code: totpCode(secret, timeStep()) })
    expect(confirmed.status).toBe(200)
    const body = (await confirmed.json()) as TokenPairBody & { recoveryCodes: string[] }
    expect(body.recoveryCodes).toHaveLength(10)
    expect(body.user.email).toBe('editor@staff.test')
    const status = await ctx.rest.get('/auth/2fa', { headers: { Authorization: `Bearer ${body.accessToken}` } })
    expect(await status.json()).toMatchObject({ enabled: true, required: true })

    // From now on: a code, and staff cannot turn it off.
    const next = (await (await post('/auth/login', { email: 'editor@staff.test', password: PASSWORD })).json()) as Challenge
    expect(next.step).toBe('verify')
    const signedIn = await post('/auth/2fa/verify', { challenge: next.challenge, code: totpCode(secret, timeStep() + 1) })
    expect(signedIn.status).toBe(200)
    const off = await post('/auth/2fa/disable', { code: totpCode(secret, timeStep() + 1) }, body.accessToken)
    expect(off.status).toBe(403)
  })

  it('applies to moderators and admins, not to readers', async () => {
    await accountWithRole('moderator@staff.test', 'moderator')
    await accountWithRole('admin@staff.test', 'admin')
    await accountWithRole('reader@staff.test', 'user')
    for (const email of ['moderator@staff.test', 'admin@staff.test']) {
      const body = (await (await post('/auth/login', { email, password: PASSWORD })).json()) as Challenge
      expect(body.step).toBe('enrol')
    }
    const reader = await post('/auth/login', { email: 'reader@staff.test', password: PASSWORD })
    expect(((await reader.json()) as TokenPairBody).accessToken).toBeTruthy()
  })

  it('refuses a wrong password before any challenge, and a forged enrol challenge', async () => {
    await accountWithRole('editor2@staff.test', 'editor')
    const wrong = await post('/auth/login', { email: 'editor2@staff.test', password: 'not-the-password' })
    expect(wrong.status).toBe(401)
    expect(((await wrong.json()) as { challenge?: string }).challenge).toBeUndefined()
    const forged = await post('/auth/2fa/enrol', { challenge: 'eyJhbGciOiJIUzI1NiJ9.e30.forged' })
    expect(forged.status).toBe(401)
    expect(((await forged.json()) as { errors: { field: string }[] }).errors[0].field).toBe('challenge')
  })
})
