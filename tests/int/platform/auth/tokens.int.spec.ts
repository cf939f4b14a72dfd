import jwt from 'jsonwebtoken'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAuthClient, registerUser, type AuthClient, type TokenPairBody } from '../../../helpers/authClient'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'
import { TEST_SECRET } from '../../../helpers/testSecret'

let ctx: PayloadInt
let auth: AuthClient

beforeAll(async () => {
  // Rate limits have their own test (abuseProtection); here one client makes many calls.
  ctx = await initPayloadInt('tokens', {
    ACCESS_TOKEN_EXPIRE_MINUTES: '15',
    REFRESH_TOKEN_EXPIRE_DAYS: '3',
    ALGORITHM: 'HS384',
    RATE_LIMIT_AUTH_PER_IP: '1000',
  })
  auth = createAuthClient(ctx.rest)
})

afterAll(async () => {
  await ctx?.cleanup()
})

const dbPool = () => (ctx.payload.db as unknown as { pool: Pool }).pool

const body = async <T>(response: Response): Promise<T> => (await response.json()) as T

describe('POST /api/auth/register', () => {
  it('creates a plain user and answers 201 with a Bearer pair', async () => {
    const response = await auth.register({ email: 'Reg@Example.com', password: 'long-enough', name: 'Reg', roles: ['admin'] })
    expect(response.status).toBe(201)
    const pair = await body<TokenPairBody>(response)
    expect(pair.tokenType).toBe('Bearer')
    expect(pair.expiresIn).toBe(15 * 60)
    expect(pair.user).toMatchObject({ email: 'reg@example.com', name: 'Reg', roles: ['user'] })
    expect(pair.user).not.toHaveProperty('hash')
    expect(pair.user).not.toHaveProperty('sessions')
    expect(typeof pair.refreshToken).toBe('string')

    const decoded = jwt.decode(pair.accessToken, { complete: true })
    expect(decoded?.header.alg).toBe('HS384')
    const claims = decoded?.payload as jwt.JwtPayload
    expect(claims.exp! - claims.iat!).toBe(15 * 60)
    expect(claims.sub).toBe(String(pair.user.id))

    const me = await auth.me(pair.accessToken)
    expect((await body<{ user: { email: string } }>(me)).user.email).toBe('reg@example.com')
  })

  it('names the wrong field with 400 and refuses a taken email with 409', async () => {
    const badEmail = await auth.register({ email: 'not-an-email', password: 'long-enough', name: 'X' })
    expect(badEmail.status).toBe(400)
    expect(await body(badEmail)).toMatchObject({ errors: [{ field: 'email' }] })

    const shortPassword = await auth.register({ email: 'short@example.com', password: 'short', name: 'X' })
    expect(shortPassword.status).toBe(400)
    expect(await body(shortPassword)).toMatchObject({ errors: [{ field: 'password' }] })

    const notJson = await ctx.rest.post('/auth/register', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' })
    expect(notJson.status).toBe(400)

    const taken = await auth.register({ email: 'reg@example.com', password: 'long-enough', name: 'Again' })
    expect(taken.status).toBe(409)
    expect(await body(taken)).toMatchObject({ errors: [{ field: 'email' }] })
    expect((await ctx.payload.count({ collection: 'users', where: { email: { equals: 'short@example.com' } } })).totalDocs).toBe(0)
  })
})

describe('POST /api/auth/login', () => {
  it('answers 200 with a pair, and one generic 401 for a wrong password or an unknown email', async () => {
    await registerUser(auth, 'login@example.com', 'login-password')
    const ok = await auth.login({ email: 'login@example.com', password: 'login-password' })
    expect(ok.status).toBe(200)
    expect((await body<TokenPairBody>(ok)).user.email).toBe('login@example.com')

    const wrongPassword = await auth.login({ email: 'login@example.com', password: 'nope-nope-nope' })
    const unknownEmail = await auth.login({ email: 'nobody@example.com', password: 'login-password' })
    expect(wrongPassword.status).toBe(401)
    expect(unknownEmail.status).toBe(401)
    expect(await body(wrongPassword)).toEqual(await body(unknownEmail))
  })
})

describe('refresh rotation and reuse detection', () => {
  it('returns a new pair and spends the presented refresh token', async () => {
    const first = await registerUser(auth, 'rotate@example.com')
    const refreshed = await auth.refresh(first.refreshToken)
    expect(refreshed.status).toBe(200)
    const second = await body<TokenPairBody>(refreshed)
    expect(second.refreshToken).not.toBe(first.refreshToken)
    expect(second.accessToken).not.toBe(first.accessToken)
    expect((await auth.me(second.accessToken)).status).toBe(200)

    // The new refresh token works in turn.
    const third = await body<TokenPairBody>(await auth.refresh(second.refreshToken))
    expect(third.refreshToken).toBeTruthy()

    // Replaying a spent token: 401, and the whole session dies, the thief's and the victim's copies alike.
    const replay = await auth.refresh(first.refreshToken)
    expect(replay.status).toBe(401)
    expect((await auth.refresh(third.refreshToken)).status).toBe(401)
    expect((await body<{ user: unknown }>(await auth.me(third.accessToken))).user).toBeNull()
    expect((await auth.sessions(third.accessToken)).status).toBe(401)
  })

  it('refuses garbage and unknown refresh tokens with 401 and a missing one with 400', async () => {
    expect((await auth.refresh('garbage')).status).toBe(401)
    expect((await auth.refresh(`${crypto.randomUUID()}.${'A'.repeat(43)}`)).status).toBe(401)
    expect((await auth.refresh(undefined)).status).toBe(400)
  })

  it('stores refresh tokens only as hashes', async () => {
    const pair = await registerUser(auth, 'hash@example.com')
    const { rows } = await dbPool().query(`SELECT refresh_token_hash FROM auth_sessions`)
    const stored = rows.map((row: { refresh_token_hash: string }) => row.refresh_token_hash)
    expect(stored).not.toContain(pair.refreshToken)
    expect(stored.some((hash: string) => pair.refreshToken.includes(hash))).toBe(false)
  })
})

describe('logout, logout-all and sessions', () => {
  it('logout revokes this session only', async () => {
    await registerUser(auth, 'logout@example.com', 'logout-password')
    const phone = await body<TokenPairBody>(await auth.login({ email: 'logout@example.com', password: 'logout-password' }, 'Phone/1.0'))
    const laptop = await body<TokenPairBody>(await auth.login({ email: 'logout@example.com', password: 'logout-password' }, 'Laptop/2.0'))

    expect((await auth.logout(phone.accessToken)).status).toBe(204)
    expect((await auth.sessions(phone.accessToken)).status).toBe(401)
    expect((await auth.refresh(phone.refreshToken)).status).toBe(401)
    expect((await auth.sessions(laptop.accessToken)).status).toBe(200)
  })

  it('lists sessions with device details and the current one marked, and revokes one of them', async () => {
    const registered = await registerUser(auth, 'sessions@example.com', 'sessions-password')
    const tablet = await body<TokenPairBody>(
      await auth.login({ email: 'sessions@example.com', password: 'sessions-password' }, 'Tablet/3.0'),
    )

    const listed = await body<
      Array<{ id: string; userAgent: string | null; ip: string; current: boolean; createdAt: string; lastUsedAt: string }>
    >(await auth.sessions(tablet.accessToken))
    expect(listed).toHaveLength(2)
    const current = listed.find((session) => session.current)
    expect(current?.userAgent).toBe('Tablet/3.0')
    expect(current?.ip).toMatch(/^test-/)
    expect(Date.parse(current!.createdAt)).not.toBeNaN()
    const other = listed.find((session) => !session.current)!

    // Another user cannot revoke it: 404, as if it did not exist.
    const stranger = await registerUser(auth, 'stranger@example.com')
    expect((await auth.revokeSession(stranger.accessToken, other.id)).status).toBe(404)
    expect((await auth.sessions(registered.accessToken)).status).toBe(200)

    expect((await auth.revokeSession(tablet.accessToken, other.id)).status).toBe(204)
    expect((await auth.sessions(registered.accessToken)).status).toBe(401)
    expect((await auth.refresh(registered.refreshToken)).status).toBe(401)
    const remaining = await body<Array<{ id: string }>>(await auth.sessions(tablet.accessToken))
    expect(remaining.map((session) => session.id)).toEqual([current!.id])
  })

  it('logout-all revokes every session of the user and no one else’s', async () => {
    const one = await registerUser(auth, 'all@example.com', 'all-password')
    const two = await body<TokenPairBody>(await auth.login({ email: 'all@example.com', password: 'all-password' }))
    const admin = await ctx.rest.login('all@example.com', 'all-password') // Payload's own login: a third session
    const bystander = await registerUser(auth, 'bystander@example.com')

    expect((await auth.logoutAll(two.accessToken)).status).toBe(204)
    for (const token of [one.accessToken, two.accessToken]) expect((await auth.sessions(token)).status).toBe(401)
    expect((await auth.refresh(one.refreshToken)).status).toBe(401)
    const payloadMe = await ctx.rest.get('/users/me', { token: admin })
    expect((await body<{ user: unknown }>(payloadMe)).user).toBeNull()
    expect((await auth.sessions(bystander.accessToken)).status).toBe(200)
  })

  it('agrees with Payload’s own logout?allSessions=true', async () => {
    const pair = await registerUser(auth, 'payload-logout@example.com', 'payload-logout')
    const payloadToken = await ctx.rest.login('payload-logout@example.com', 'payload-logout')
    const listed = await body<unknown[]>(await auth.sessions(pair.accessToken))
    expect(listed).toHaveLength(2)

    const out = await ctx.rest.post('/users/logout?allSessions=true', { method: 'POST', token: payloadToken })
    expect(out.status).toBe(200)
    expect((await auth.sessions(pair.accessToken)).status).toBe(401)
    expect((await auth.refresh(pair.refreshToken)).status).toBe(401)
  })
})

describe('access tokens on Payload routes', () => {
  it('works as Bearer on REST and GraphQL', async () => {
    const pair = await registerUser(auth, 'graphql@example.com')
    const graphql = await ctx.rest.graphql('{ meUser { user { email } } }', { headers: { Authorization: `Bearer ${pair.accessToken}` } })
    expect(await graphql.json()).toEqual({ data: { meUser: { user: { email: 'graphql@example.com' } } } })
  })

  it('ignores alg none, a bad signature, another algorithm and an expired token', async () => {
    const pair = await registerUser(auth, 'forged@example.com')
    const claims = jwt.decode(pair.accessToken) as jwt.JwtPayload
    const { iat: _iat, exp: _exp, ...rest } = claims
    const forged = [
      jwt.sign(rest, '', { algorithm: 'none' }),
      jwt.sign(rest, 'another-secret-another-secret-another', { algorithm: 'HS384' }),
      jwt.sign(rest, TEST_SECRET, { algorithm: 'HS256' }),
      jwt.sign({ ...rest, exp: Math.floor(Date.now() / 1000) - 10 }, TEST_SECRET, { algorithm: 'HS384' }),
    ]
    for (const token of forged) {
      expect((await auth.sessions(token)).status).toBe(401)
      expect((await body<{ user: unknown }>(await auth.me(token))).user).toBeNull()
    }
    // The genuine one, for contrast.
    expect((await auth.sessions(pair.accessToken)).status).toBe(200)
  })
})
