import { createHash, createHmac } from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { timeStep, totpCode } from '@/platform/auth/twoFactor/totp'
import { createAuthClient, freshClientIp, postJson, registerUser, type TokenPairBody } from '../../../helpers/authClient'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'
import { type OAuthStandIn, startOAuthStandIn } from '../../../helpers/oauthStandIn'
import { REDIS_PORT } from '../../../helpers/redis'
import { startTcpProxy, type TcpProxy } from '../../../helpers/tcpProxy'

/**
 * VK ID, Yandex ID and Telegram sign-in, and linking, against local stand-ins over real HTTP (an
 * OAuth 2.0 server that checks PKCE and spends codes once) and the real Redis (the single-use
 * state). The browser is played by hand, following each 302 as a browser would.
 */

const FRONTEND = 'http://frontend.test'
const ORIGIN = 'http://localhost:3000'
const BOT_TOKEN = '987654321:AAHsignInBotTokenForTests_abcdefghij'
const MAX_AGE_SECONDS = 300

let ctx: PayloadInt
/** The real Redis, behind a proxy a test cuts. */
let redisProxy: TcpProxy
const standIns = {} as Record<'vk' | 'yandex', OAuthStandIn>

beforeAll(async () => {
  redisProxy = await startTcpProxy(REDIS_PORT)
  standIns.vk = await startOAuthStandIn({ clientId: 'vk-client', clientSecret: 'vk-secret', extraCallback: { device_id: 'device-42' } })
  standIns.yandex = await startOAuthStandIn({ clientId: 'yandex-client', clientSecret: 'yandex-secret' })
  const providerEnv = (prefix: 'VK' | 'YANDEX', name: 'vk' | 'yandex') => ({
    [`${prefix}_CLIENT_ID`]: `${name}-client`,
    [`${prefix}_CLIENT_SECRET`]: `${name}-secret`,
    [`${prefix}_CALLBACK_URL`]: `${ORIGIN}/api/auth/${name}/callback`,
    [`${prefix}_AUTHORIZATION_URL`]: `${standIns[name].url}/authorize`,
    [`${prefix}_TOKEN_URL`]: `${standIns[name].url}/token`,
    [`${prefix}_USERINFO_URL`]: `${standIns[name].url}/userinfo`,
  })
  ctx = await initPayloadInt('providers', {
    ...providerEnv('VK', 'vk'),
    ...providerEnv('YANDEX', 'yandex'),
    TELEGRAM_BOT_TOKEN: BOT_TOKEN,
    TELEGRAM_LOGIN_MAX_AGE_SECONDS: String(MAX_AGE_SECONDS),
    ALLOWED_ORIGINS: FRONTEND,
    REDIS_URL: `redis://127.0.0.1:${redisProxy.port}`,
    RATE_LIMIT_AUTH_PER_IP: '1000',
  })
})

afterAll(async () => {
  await ctx?.cleanup()
  await standIns.vk?.close()
  await standIns.yandex?.close()
  await redisProxy?.close()
})

const errorOf = async (response: Response) => ((await response.json()) as { errors: { message: string; field?: string }[] }).errors[0]

const bearer = (accessToken: string) => ({ Authorization: `Bearer ${accessToken}`, 'x-cms-client-ip': freshClientIp() })

/** GET /api/auth/<provider>: the provider URL and the cookie the browser keeps. */
const start = async (provider: 'vk' | 'yandex') => {
  const response = await ctx.rest.get(`/auth/${provider}?redirect=${encodeURIComponent(`${FRONTEND}/signed-in`)}`, {
    headers: { 'x-cms-client-ip': freshClientIp() },
  })
  expect(response.status).toBe(302)
  const setCookie = response.headers.get('set-cookie') ?? ''
  return { location: new URL(response.headers.get('location') ?? ''), setCookie, cookie: setCookie.split(';')[0] }
}

/** The provider's consent: its 302 back to our callback, as query parameters. */
const consent = async (provider: 'vk' | 'yandex', authorizeUrl: URL, profile: Record<string, unknown>) => {
  standIns[provider].nextProfile(profile)
  const response = await fetch(authorizeUrl, { redirect: 'manual' })
  expect(response.status, await response.clone().text()).toBe(302)
  const back = new URL(response.headers.get('location') ?? '')
  expect(`${back.origin}${back.pathname}`).toBe(`${ORIGIN}/api/auth/${provider}/callback`)
  return back.searchParams
}

const callback = (provider: 'vk' | 'yandex', query: URLSearchParams, cookie?: string) =>
  ctx.rest.get(`/auth/${provider}/callback?${query.toString()}`, {
    headers: { 'x-cms-client-ip': freshClientIp(), ...(cookie ? { Cookie: cookie } : {}) },
  })

const signIn = async (provider: 'vk' | 'yandex', profile: Record<string, unknown>) => {
  const started = await start(provider)
  return callback(provider, await consent(provider, started.location, profile), started.cookie)
}

const tokensOf = (response: Response) => {
  expect(response.status).toBe(302)
  const location = new URL(response.headers.get('location') ?? '')
  expect(`${location.origin}${location.pathname}`).toBe(`${FRONTEND}/signed-in`)
  const tokens = new URLSearchParams(location.hash.slice(1))
  return { accessToken: tokens.get('accessToken') ?? '', refreshToken: tokens.get('refreshToken') ?? '' }
}

const me = async (accessToken: string) => {
  const response = await ctx.rest.get('/users/me', { headers: { Authorization: `Bearer ${accessToken}` } })
  expect(response.status).toBe(200)
  return ((await response.json()) as { user: { id: number; email: string; name: string | null } }).user
}

const identities = async (accessToken: string) => {
  const response = await ctx.rest.get('/auth/identities', { headers: bearer(accessToken) })
  expect(response.status).toBe(200)
  return (await response.json()) as {
    password: boolean
    identities: { provider: string; email: string | null; displayName: string | null }[]
  }
}

const unlink = (accessToken: string, provider: string) =>
  ctx.rest.delete(`/auth/identities/${provider}`, { method: 'DELETE', headers: bearer(accessToken) })

const profiles = {
  vk: (id: string, extra: Record<string, unknown> = {}) => ({ user: { user_id: id, first_name: 'Ivan', last_name: 'Petrov', ...extra } }),
  yandex: (id: string, extra: Record<string, unknown> = {}) => ({ id, login: `user${id}`, real_name: 'Anna Smirnova', ...extra }),
}

describe.each(['vk', 'yandex'] as const)('%s sign-in', (provider) => {
  it('sends the browser to the provider with an S256 PKCE challenge, a state and an HttpOnly cookie', async () => {
    const { location, setCookie } = await start(provider)
    expect(`${location.origin}${location.pathname}`).toBe(`${standIns[provider].url}/authorize`)
    expect(location.searchParams.get('client_id')).toBe(`${provider}-client`)
    expect(location.searchParams.get('code_challenge_method')).toBe('S256')
    expect(location.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(location.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(setCookie).toMatch(
      new RegExp(`^${provider}-sign-in-nonce=[A-Za-z0-9_-]{43}; Max-Age=600; Path=/api/auth/${provider}; HttpOnly; SameSite=Lax$`),
    )
  })

  it('happy path: a new account, our own token pair and a session for this device', async () => {
    const subject = `${provider}-happy-${Date.now()}`
    const response = await signIn(provider, profiles[provider](subject))
    const { accessToken, refreshToken } = tokensOf(response)
    expect(response.headers.get('set-cookie')).toMatch(/Max-Age=0/)
    const user = await me(accessToken)
    // The token request carried our verifier (and VK's device_id).
    const granted = standIns[provider].tokenRequests.at(-1)!
    expect(granted.refused).toBeUndefined()
    expect(granted.params.code_verifier).toMatch(/^[A-Za-z0-9_-]{43}$/)
    if (provider === 'vk') expect(granted.params.device_id).toBe('device-42')
    const sessions = (await (await ctx.rest.get('/auth/sessions', { headers: bearer(accessToken) })).json()) as { current: boolean }[]
    expect(sessions.filter((session) => session.current)).toHaveLength(1)
    const refreshed = await createAuthClient(ctx.rest).refresh(refreshToken)
    expect(refreshed.status).toBe(200)
    // Signing in again is the same account.
    const again = tokensOf(await signIn(provider, profiles[provider](subject)))
    expect((await me(again.accessToken)).id).toBe(user.id)
    expect((await identities(accessToken)).identities.map((identity) => identity.provider)).toEqual([provider])
  })

  it('a forged state, a state from another browser, and a used state are 400 state', async () => {
    const started = await start(provider)
    const back = await consent(provider, started.location, profiles[provider](`${provider}-forged`))
    const forged = new URLSearchParams(back)
    forged.set('state', 'A'.repeat(43))
    const forgedResponse = await callback(provider, forged, started.cookie)
    expect(forgedResponse.status).toBe(400)
    expect(await errorOf(forgedResponse)).toMatchObject({ field: 'state' })

    // Another browser: the right state, no cookie (or another browser's). The state is spent by it.
    const other = await start(provider)
    const stolen = await consent(provider, other.location, profiles[provider](`${provider}-stolen`))
    const withoutCookie = await callback(provider, stolen, started.cookie)
    expect(withoutCookie.status).toBe(400)
    expect((await errorOf(withoutCookie)).message).toMatch(/not started in this browser/)
    const replayed = await callback(provider, stolen, other.cookie)
    expect(replayed.status).toBe(400)
    expect((await errorOf(replayed)).message).toMatch(/unknown, used or expired/)
  })

  it('a replayed code is refused by the provider: 401, no tokens', async () => {
    const first = await start(provider)
    const back = await consent(provider, first.location, profiles[provider](`${provider}-replay`))
    tokensOf(await callback(provider, back, first.cookie))
    // A fresh, valid state and cookie, with the code already spent.
    const second = await start(provider)
    const replay = new URLSearchParams({ code: back.get('code') ?? '', state: second.location.searchParams.get('state') ?? '' })
    const response = await callback(provider, replay, second.cookie)
    expect(response.status).toBe(401)
    expect(response.headers.get('location')).toBeNull()
    expect(standIns[provider].tokenRequests.at(-1)?.refused).toBe('code already used')
  })

  it('a code redeemed with another flow’s PKCE verifier is refused: 401', async () => {
    const victim = await start(provider)
    const attacker = await start(provider)
    const victimBack = await consent(provider, victim.location, profiles[provider](`${provider}-pkce`))
    // The code injected into another flow (its state and cookie, so its verifier).
    const injected = new URLSearchParams({ code: victimBack.get('code') ?? '', state: attacker.location.searchParams.get('state') ?? '' })
    const response = await callback(provider, injected, attacker.cookie)
    expect(response.status).toBe(401)
    expect(standIns[provider].tokenRequests.at(-1)?.refused).toBe('code_verifier does not match the code_challenge')
  })
})

describe('linking by email', () => {
  it('Yandex (verified addresses) signs in to the existing account with that email', async () => {
    const registered = await registerUser(createAuthClient(ctx.rest), 'anna@example.com')
    const { accessToken } = tokensOf(await signIn('yandex', profiles.yandex('ya-anna', { default_email: 'Anna@Example.com' })))
    expect((await me(accessToken)).id).toBe(registered.user.id)
    expect(await identities(accessToken)).toMatchObject({ password: true, identities: [{ provider: 'yandex', email: 'anna@example.com' }] })
  })

  it('VK (email not marked verified) never takes over the account with that email: it gets its own', async () => {
    const registered = await registerUser(createAuthClient(ctx.rest), 'ivan@example.com')
    const { accessToken } = tokensOf(await signIn('vk', profiles.vk('vk-ivan', { email: 'ivan@example.com' })))
    const user = await me(accessToken)
    expect(user.id).not.toBe(registered.user.id)
    expect(user.email).toMatch(/@users\.invalid$/)
    // …while a VK profile marked verified does link.
    const verified = tokensOf(await signIn('vk', profiles.vk('vk-ivan-verified', { email: 'ivan@example.com', email_verified: true })))
    expect((await me(verified.accessToken)).id).toBe(registered.user.id)
  })
})

/** A login widget payload signed as Telegram signs it (or with another key, to forge one). */
const telegramPayload = (fields: Record<string, string | number>, { token = BOT_TOKEN, authDate = Math.floor(Date.now() / 1000) } = {}) => {
  const data: Record<string, string | number> = { auth_date: authDate, ...fields }
  const checkString = Object.keys(data)
    .sort()
    .map((key) => `${key}=${data[key]}`)
    .join('\n')
  const hash = createHmac('sha256', createHash('sha256').update(token).digest()).update(checkString).digest('hex')
  return { ...data, hash }
}

const telegramSignIn = (body: unknown) =>
  ctx.rest.post('/auth/telegram', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-cms-client-ip': freshClientIp() },
    body: JSON.stringify(body),
  })

const telegramLink = (accessToken: string, body: unknown) =>
  ctx.rest.post('/auth/identities/telegram', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...bearer(accessToken) },
    body: JSON.stringify(body),
  })

describe('Telegram sign-in', () => {
  it('a genuine payload creates an account of its own (201), then signs in to it (200)', async () => {
    const first = await telegramSignIn(telegramPayload({ id: 1001, first_name: 'Pavel', username: 'pavel' }))
    expect(first.status).toBe(201)
    const body = (await first.json()) as TokenPairBody
    expect(body.user.name).toBe('Pavel')
    expect(body.user.roles).toEqual(['user'])
    expect((await me(body.accessToken)).id).toBe(body.user.id)
    const second = await telegramSignIn(telegramPayload({ id: 1001, first_name: 'Pavel', username: 'pavel' }))
    expect(second.status).toBe(200)
    expect(((await second.json()) as TokenPairBody).user.id).toBe(body.user.id)
  })

  it('a forged payload is 401: a changed field, or signed with another bot token', async () => {
    const tampered = { ...telegramPayload({ id: 1002, first_name: 'Eve' }), id: 1001 }
    const response = await telegramSignIn(tampered)
    expect(response.status).toBe(401)
    expect(await errorOf(response)).toMatchObject({ field: 'hash' })
    const otherBot = await telegramSignIn(telegramPayload({ id: 1001 }, { token: '111:AAOtherBotTokenNotOurs_0123456789' }))
    expect(otherBot.status).toBe(401)
  })

  it(`a stale payload (auth_date older than ${MAX_AGE_SECONDS} s) is 401`, async () => {
    const response = await telegramSignIn(telegramPayload({ id: 1003 }, { authDate: Math.floor(Date.now() / 1000) - MAX_AGE_SECONDS - 5 }))
    expect(response.status).toBe(401)
    expect(await errorOf(response)).toMatchObject({ field: 'auth_date' })
  })

  it('malformed data is 400 naming the field', async () => {
    const noHash = await telegramSignIn({ id: 1004, auth_date: Math.floor(Date.now() / 1000) })
    expect(noHash.status).toBe(400)
    expect(await errorOf(noHash)).toMatchObject({ field: 'hash' })
    const extra = await telegramSignIn({ ...telegramPayload({ id: 1004 }), role: 'admin' })
    expect(await errorOf(extra)).toMatchObject({ field: 'role' })
  })
})

describe('identities: list, link, unlink', () => {
  it('refuses anonymous callers', async () => {
    expect((await ctx.rest.get('/auth/identities', { headers: { 'x-cms-client-ip': freshClientIp() } })).status).toBe(401)
    expect(
      (await ctx.rest.delete('/auth/identities/telegram', { method: 'DELETE', headers: { 'x-cms-client-ip': freshClientIp() } })).status,
    ).toBe(401)
    expect((await ctx.rest.post('/auth/yandex/link?redirect=http%3A%2F%2Ffrontend.test%2F', { method: 'POST' })).status).toBe(401)
  })

  it('a password account links Telegram from its profile; Telegram then signs in to it; unlinking is allowed', async () => {
    const account = await registerUser(createAuthClient(ctx.rest), 'linker@example.com')
    const linked = await telegramLink(account.accessToken, telegramPayload({ id: 2001, first_name: 'Linker' }))
    expect(linked.status).toBe(201)
    const viaTelegram = await telegramSignIn(telegramPayload({ id: 2001, first_name: 'Linker' }))
    expect(viaTelegram.status).toBe(200)
    expect(((await viaTelegram.json()) as TokenPairBody).user.id).toBe(account.user.id)
    expect(await identities(account.accessToken)).toMatchObject({
      password: true,
      identities: [{ provider: 'telegram', displayName: 'Linker' }],
    })

    // The same Telegram account cannot be linked to someone else.
    const other = await registerUser(createAuthClient(ctx.rest), 'other@example.com')
    const stolen = await telegramLink(other.accessToken, telegramPayload({ id: 2001 }))
    expect(stolen.status).toBe(409)
    // A forged payload links nothing.
    expect((await telegramLink(other.accessToken, { ...telegramPayload({ id: 2002 }), id: 2003 })).status).toBe(401)

    expect((await unlink(account.accessToken, 'telegram')).status).toBe(204)
    expect((await identities(account.accessToken)).identities).toEqual([])
    expect((await unlink(account.accessToken, 'telegram')).status).toBe(404)
    expect((await unlink(account.accessToken, 'github')).status).toBe(400)
  })

  it('the last way into an account cannot be unlinked; linking Yandex from the profile makes the first removable', async () => {
    const created = (await (await telegramSignIn(telegramPayload({ id: 3001, first_name: 'Solo' }))).json()) as TokenPairBody
    expect(await identities(created.accessToken)).toMatchObject({ password: false, identities: [{ provider: 'telegram' }] })
    const refused = await unlink(created.accessToken, 'telegram')
    expect(refused.status).toBe(409)
    expect((await errorOf(refused)).message).toMatch(/only way to sign in/)

    // Link Yandex: the frontend asks for the URL (Bearer), the browser goes there and comes back.
    const linkStart = await ctx.rest.post(`/auth/yandex/link?redirect=${encodeURIComponent(`${FRONTEND}/profile`)}`, {
      method: 'POST',
      headers: bearer(created.accessToken),
    })
    expect(linkStart.status).toBe(200)
    const { authorizationUrl } = (await linkStart.json()) as { authorizationUrl: string }
    const cookie = (linkStart.headers.get('set-cookie') ?? '').split(';')[0]
    const back = await consent('yandex', new URL(authorizationUrl), profiles.yandex('ya-solo'))
    const done = await callback('yandex', back, cookie)
    expect(done.status).toBe(302)
    expect(done.headers.get('location')).toBe(`${FRONTEND}/profile#linked=yandex`)
    expect((await identities(created.accessToken)).identities.map((identity) => identity.provider)).toEqual(['telegram', 'yandex'])

    expect((await unlink(created.accessToken, 'telegram')).status).toBe(204)
    // Yandex is now the only way in (the random first password was never replaced).
    expect((await unlink(created.accessToken, 'yandex')).status).toBe(409)
    const viaYandex = tokensOf(await signIn('yandex', profiles.yandex('ya-solo')))
    expect((await me(viaYandex.accessToken)).id).toBe(created.user.id)
  })
})

describe('two-factor sign-in through a provider', () => {
  const post = (path: string, body: unknown, accessToken?: string) => postJson(ctx.rest, path, body, accessToken)

  it('asks for the code the password sign-in asks for: a challenge, no tokens, until /auth/2fa/verify', async () => {
    const account = await registerUser(createAuthClient(ctx.rest), 'totp-telegram@example.com')
    expect((await telegramLink(account.accessToken, telegramPayload({ id: 4001, first_name: 'Guarded' }))).status).toBe(201)
    const { secret } = (await (await post('/auth/2fa/enrol', {}, account.accessToken)).json()) as { secret: string }
    expect((await post('/auth/2fa/confirm', { code: totpCode(secret, timeStep()) }, account.accessToken)).status).toBe(200)

    const signIn = await telegramSignIn(telegramPayload({ id: 4001, first_name: 'Guarded' }))
    expect(signIn.status).toBe(200)
    const answer = (await signIn.json()) as Record<string, unknown>
    expect(answer).toMatchObject({ twoFactorRequired: true, step: 'verify', challenge: expect.any(String) })
    expect(answer).not.toHaveProperty('accessToken')
    expect(answer).not.toHaveProperty('refreshToken')

    // The code of the next time step: the confirm above spent the current one.
    const verified = await post('/auth/2fa/verify', { challenge: answer.challenge, code: totpCode(secret, timeStep() + 1) })
    expect(verified.status).toBe(200)
    expect(((await verified.json()) as TokenPairBody).user.id).toBe(account.user.id)
  })
})

describe('the state store (Redis) down', () => {
  it('answers 503 with Retry-After to a start and a callback, and works again once Redis is back', async () => {
    const started = await start('yandex')
    const back = await consent('yandex', started.location, profiles.yandex('ya-outage'))
    redisProxy.cut()
    try {
      const refused = await ctx.rest.get(`/auth/yandex?redirect=${encodeURIComponent(`${FRONTEND}/signed-in`)}`, {
        headers: { 'x-cms-client-ip': freshClientIp() },
      })
      expect(refused.status).toBe(503)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(refused.headers.get('set-cookie')).toBeNull()
      const callbackRefused = await callback('yandex', back, started.cookie)
      expect(callbackRefused.status).toBe(503)
      expect(Number(callbackRefused.headers.get('retry-after'))).toBeGreaterThan(0)
    } finally {
      redisProxy.restore()
    }
    // The flow survived the outage: the same callback completes now.
    await expect.poll(async () => (await callback('yandex', back, started.cookie)).status, { timeout: 15_000, interval: 500 }).toBe(302)
  })
})
