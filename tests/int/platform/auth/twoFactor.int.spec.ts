import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { timeStep, totpCode } from '@/platform/auth/twoFactor/totp'
import { createAuthClient, postJson, registerUser, type TokenPairBody } from '../../../helpers/authClient'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

/** Two-factor sign-in (TOTP) through the real route handlers and a real database. */

let ctx: PayloadInt

beforeAll(async () => {
  ctx = await initPayloadInt('two-factor')
})

afterAll(async () => {
  await ctx?.cleanup()
})

const PASSWORD = 'correct-horse-battery'

const post = (path: string, body: unknown, token?: string) => postJson(ctx.rest, path, body, token)

type Challenge = { twoFactorRequired: true; step: 'verify' | 'enrol'; challenge: string; expiresIn: number }
type Enrolled = { accessToken: string; userId: number; secret: string; recoveryCodes: string[] }

/** A fresh account with 2FA on; the step its confirmation used is spent, so sign-ins use later codes. */
const enrolledUser = async (email: string): Promise<Enrolled> => {
  const { accessToken, user } = await registerUser(createAuthClient(ctx.rest), email, PASSWORD)
  const enrol = await post('/auth/2fa/enrol', {}, accessToken)
  expect(enrol.status).toBe(200)
  const { secret } = (await enrol.json()) as { secret: string }
  const confirm = await post('/auth/2fa/confirm', { code: totpCode(secret, timeStep()) }, accessToken)
  expect(confirm.status).toBe(200)
  const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] }
  return { accessToken, userId: user.id, secret, recoveryCodes }
}

const passwordStep = async (email: string): Promise<Challenge> => {
  const response = await post('/auth/login', { email, password: PASSWORD })
  expect(response.status).toBe(200)
  const body = (await response.json()) as Challenge & { accessToken?: string }
  expect(body.accessToken).toBeUndefined()
  expect(body.twoFactorRequired).toBe(true)
  return body
}

describe('enrolment', () => {
  it('gives a secret, an otpauth URI and a QR image; a wrong first code changes nothing; a right one gives ten recovery codes', async () => {
    const { accessToken } = await registerUser(createAuthClient(ctx.rest), 'enrol@2fa.test', PASSWORD)
    const before = await ctx.rest.get('/auth/2fa', { headers: { Authorization: `Bearer ${accessToken}` } })
    expect(await before.json()).toEqual({ enabled: false, enrolmentPending: false, recoveryCodesLeft: 0, required: false })

    const enrol = await post('/auth/2fa/enrol', {}, accessToken)
    expect(enrol.status).toBe(200)
    const { secret, otpauthUri, qrCode } = (await enrol.json()) as { secret: string; otpauthUri: string; qrCode: string }
    expect(secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*enrol%402fa\.test\?secret=/)
    expect(qrCode).toMatch(/^data:image\/png;base64,/)
    expect(Buffer.from(qrCode.split(',')[1], 'base64').subarray(1, 4).toString()).toBe('PNG')

    const wrongCode = String((Number(totpCode(secret, timeStep())) + 1) % 1_000_000).padStart(6, '0')
    const wrong = await post('/auth/2fa/confirm', { code: wrongCode }, accessToken)
    expect(wrong.status).toBe(401)
    expect(((await wrong.json()) as { errors: { field: string }[] }).errors[0].field).toBe('code')
    expect((await post('/auth/2fa/confirm', {}, accessToken)).status).toBe(400)

    const confirm = await post('/auth/2fa/confirm', { code: totpCode(secret, timeStep()) }, accessToken)
    expect(confirm.status).toBe(200)
    const { recoveryCodes } = (await confirm.json()) as { recoveryCodes: string[] }
    expect(recoveryCodes).toHaveLength(10)
    expect(new Set(recoveryCodes).size).toBe(10)

    const after = await ctx.rest.get('/auth/2fa', { headers: { Authorization: `Bearer ${accessToken}` } })
    expect(await after.json()).toEqual({ enabled: true, enrolmentPending: false, recoveryCodesLeft: 10, required: false })
    expect((await post('/auth/2fa/enrol', {}, accessToken)).status).toBe(409)
  })

  it('refuses enrolment to anonymous callers', async () => {
    expect((await post('/auth/2fa/enrol', {})).status).toBe(401)
    expect((await post('/auth/2fa/confirm', { code: '123456' })).status).toBe(401)
  })
})

describe('signing in with 2FA on', () => {
  it('answers the password with a challenge only; a right code gives tokens, a wrong or replayed one does not', async () => {
    const { secret } = await enrolledUser('signin@2fa.test')
    const { challenge, step, expiresIn } = await passwordStep('signin@2fa.test')
    expect(step).toBe('verify')
    expect(expiresIn).toBe(300)

    const wrong = await post('/auth/2fa/verify', { challenge, code: '000000' === totpCode(secret, timeStep() + 1) ? '111111' : '000000' })
    expect(wrong.status).toBe(401)
    expect(((await wrong.json()) as { errors: { field: string }[] }).errors[0].field).toBe('code')

    const code = totpCode(secret, timeStep() + 1)
    const verified = await post('/auth/2fa/verify', { challenge, code })
    expect(verified.status).toBe(200)
    const pair = (await verified.json()) as TokenPairBody
    expect(pair.user.email).toBe('signin@2fa.test')
    const me = await ctx.rest.get('/users/me', { headers: { Authorization: `Bearer ${pair.accessToken}` } })
    expect(((await me.json()) as { user: { email: string } }).user.email).toBe('signin@2fa.test')

    // The same code again, even with a fresh challenge, is refused.
    const again = await passwordStep('signin@2fa.test')
    expect((await post('/auth/2fa/verify', { challenge: again.challenge, code })).status).toBe(401)
  })

  it("keeps Payload's own /api/users/login (the admin) from setting a cookie or returning a token", async () => {
    await enrolledUser('admin-login@2fa.test')
    const response = await post('/users/login', { email: 'admin-login@2fa.test', password: PASSWORD })
    expect(response.status).toBe(401)
    expect(response.headers.get('set-cookie')).toBeNull()
    const body = (await response.json()) as { token?: string; errors: { data: Challenge }[] }
    expect(body.token).toBeUndefined()
    expect(body.errors[0].data.step).toBe('verify')
    // The session Payload opened before the hook refused it is gone.
    const rows = await ctx.payload.db.drizzle.execute(
      `SELECT count(*)::int AS n FROM users_sessions s JOIN users u ON u.id = s._parent_id WHERE u.email = 'admin-login@2fa.test'`,
    )
    expect((rows as unknown as { rows: { n: number }[] }).rows[0].n).toBe(1)
  })

  it("can finish with Payload's admin cookie (cookie: true)", async () => {
    const { secret } = await enrolledUser('cookie@2fa.test')
    const { challenge } = await passwordStep('cookie@2fa.test')
    const verified = await post('/auth/2fa/verify', { challenge, code: totpCode(secret, timeStep() + 1), cookie: true })
    expect(verified.status).toBe(200)
    const cookie = verified.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^payload-token=[^;]+;.*HttpOnly/i)
    // As the admin panel sends it: the browser marks its own requests same-origin.
    const me = await ctx.rest.get('/users/me', { headers: { Cookie: cookie.split(';')[0], 'Sec-Fetch-Site': 'same-origin' } })
    expect(((await me.json()) as { user: { email: string } | null }).user?.email).toBe('cookie@2fa.test')
  })

  it('accepts each recovery code once', async () => {
    const { recoveryCodes } = await enrolledUser('recovery@2fa.test')
    const first = await passwordStep('recovery@2fa.test')
    const used = await post('/auth/2fa/verify', { challenge: first.challenge, recoveryCode: recoveryCodes[4].toLowerCase() })
    expect(used.status).toBe(200)
    expect(((await used.json()) as TokenPairBody).accessToken).toBeTruthy()

    const second = await passwordStep('recovery@2fa.test')
    const reused = await post('/auth/2fa/verify', { challenge: second.challenge, recoveryCode: recoveryCodes[4] })
    expect(reused.status).toBe(401)
    expect(((await reused.json()) as { errors: { field: string }[] }).errors[0].field).toBe('recoveryCode')
    expect((await post('/auth/2fa/verify', { challenge: second.challenge, recoveryCode: recoveryCodes[5] })).status).toBe(200)
  })

  it('refuses forged, foreign and missing challenges with 4xx naming the field', async () => {
    const { secret, accessToken } = await enrolledUser('forged@2fa.test')
    const { challenge } = await passwordStep('forged@2fa.test')
    const code = totpCode(secret, timeStep() + 1)
    const tampered = `${challenge.slice(0, -3)}${challenge.endsWith('AAA') ? 'BBB' : 'AAA'}`
    for (const forged of [tampered, accessToken, 'not-a-token']) {
      const response = await post('/auth/2fa/verify', { challenge: forged, code })
      expect(response.status).toBe(401)
      expect(((await response.json()) as { errors: { field: string }[] }).errors[0].field).toBe('challenge')
    }
    const missing = await post('/auth/2fa/verify', { code })
    expect(missing.status).toBe(400)
    expect(((await missing.json()) as { errors: { field: string }[] }).errors[0].field).toBe('challenge')
    expect((await post('/auth/2fa/verify', { challenge })).status).toBe(400)
    // The right code still works with the real challenge: nothing above spent it.
    expect((await post('/auth/2fa/verify', { challenge, code })).status).toBe(200)
  })

  it('rate-limits code guesses per account, whatever the challenge or client IP (429 + Retry-After)', async () => {
    const { secret } = await enrolledUser('guess@2fa.test')
    const { challenge } = await passwordStep('guess@2fa.test')
    const right = totpCode(secret, timeStep() + 1)
    const wrong = right === '123456' ? '654321' : '123456'
    const statuses: number[] = []
    for (let i = 0; i < 5; i += 1) statuses.push((await post('/auth/2fa/verify', { challenge, code: wrong })).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401])
    const limited = await post('/auth/2fa/verify', { challenge, code: right })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})

describe('turning 2FA off', () => {
  it('needs a current code; then the password alone signs in again', async () => {
    const { secret, accessToken } = await enrolledUser('disable@2fa.test')
    expect((await post('/auth/2fa/disable', {}, accessToken)).status).toBe(400)
    const wrong = totpCode(secret, timeStep() + 1) === '000000' ? '111111' : '000000'
    expect((await post('/auth/2fa/disable', { code: wrong }, accessToken)).status).toBe(401)
    expect((await post('/auth/2fa/disable', { code: totpCode(secret, timeStep() + 1) })).status).toBe(401)
    const off = await post('/auth/2fa/disable', { code: totpCode(secret, timeStep() + 1) }, accessToken)
    expect(off.status).toBe(200)
    const login = await post('/auth/login', { email: 'disable@2fa.test', password: PASSWORD })
    expect(((await login.json()) as TokenPairBody).accessToken).toBeTruthy()
  })
})

describe('secrets at rest and over the API', () => {
  it('stores the secret sealed and recovery codes hashed', async () => {
    const { userId, secret, recoveryCodes } = await enrolledUser('at-rest@2fa.test')
    const rows = (await ctx.payload.db.drizzle.execute(
      `SELECT secret, pending_secret, recovery_codes::text AS codes FROM two_factor_credentials WHERE user_id = ${Number(userId)}`,
    )) as unknown as { rows: { secret: string; pending_secret: string | null; codes: string }[] }
    const row = rows.rows[0]
    expect(row.secret).toMatch(/^v1\./)
    expect(row.secret).not.toContain(secret)
    expect(row.pending_secret).toBeNull()
    for (const code of recoveryCodes) {
      expect(row.codes).not.toContain(code)
      expect(row.codes).not.toContain(code.replace('-', ''))
    }
  })

  it('never shows an attacker (or the owner) the secret, recovery codes or verification token over REST or GraphQL', async () => {
    const victim = await enrolledUser('victim@2fa.test')
    const attacker = await registerUser(createAuthClient(ctx.rest), 'attacker@2fa.test', PASSWORD)
    const secretsOf = (text: string) =>
      [
        victim.secret,
        ...victim.recoveryCodes,
        'v1.',
        'canarytoken1234',
        'recoveryCodes',
        'pendingSecret',
        '_verificationToken',
        'lastUsedStep',
      ].filter((s) => text.includes(s))
    // A verification token in the victim's row, to see whether any read carries it.
    await ctx.payload.db.drizzle.execute(`UPDATE users SET _verificationtoken = 'canarytoken1234' WHERE id = ${Number(victim.userId)}`)
    const asAttacker = { headers: { Authorization: `Bearer ${attacker.accessToken}` } }
    const asVictim = { headers: { Authorization: `Bearer ${victim.accessToken}` } }

    const reads = [
      await ctx.rest.get('/users/me', asVictim),
      await ctx.rest.get(`/users/${victim.userId}`, asVictim),
      await ctx.rest.get(`/users/${victim.userId}`, asAttacker),
      await ctx.rest.get('/users?limit=100', asAttacker),
      await ctx.rest.get(`/users?where[id][equals]=${victim.userId}&depth=3`, asVictim),
    ]
    for (const response of reads) {
      expect(response.status).toBe(200)
      expect(secretsOf(await response.text())).toEqual([])
    }

    for (const init of [asAttacker, asVictim, {}]) {
      const list = await ctx.rest.get('/two-factor-credentials', init)
      expect([403, 404]).toContain(list.status)
      expect(secretsOf(await list.text())).toEqual([])
      const versions = await ctx.rest.get('/users/versions', init)
      expect(versions.status).toBeGreaterThanOrEqual(400)
      expect(versions.status).toBeLessThan(500)
      expect(secretsOf(await versions.text())).toEqual([])
    }

    // GraphQL has no two-factor fields or types at all (its error messages may name what was asked for).
    const secretValuesIn = (text: string) =>
      [victim.secret, ...victim.recoveryCodes, 'v1.', 'canarytoken1234'].filter((s) => text.includes(s))
    for (const init of [asAttacker, asVictim]) {
      const list = await ctx.rest.graphql(`{ Users(limit: 100) { docs { id email } } }`, init)
      expect(list.status).toBe(200)
      expect(secretsOf(await list.text())).toEqual([])
      const userType = (await (await ctx.rest.graphql(`{ __type(name: "User") { fields { name } } }`, init)).json()) as {
        data: { __type: { fields: { name: string }[] } | null }
      }
      const fieldNames = userType.data.__type?.fields.map((field) => field.name) ?? []
      expect(fieldNames.filter((name) => /secret|recovery|twoFactor/i.test(name))).toEqual([])
      const credentials = await ctx.rest.graphql(`{ TwoFactorCredentials { docs { id secret } } }`, init)
      expect(credentials.status).toBeLessThan(500)
      const credentialsBody = (await credentials.json()) as { data?: unknown; errors?: unknown[] }
      expect(credentialsBody.errors?.length).toBeGreaterThan(0)
      expect(credentialsBody.data ?? null).toBeNull()
      // Payload lists the hidden token field in the schema, but never fills it.
      const token = await ctx.rest.graphql(`{ User(id: ${victim.userId}) { id _verificationToken } }`, init)
      expect(token.status).toBeLessThan(500)
      expect(secretValuesIn(await token.text())).toEqual([])
    }
  })
})
