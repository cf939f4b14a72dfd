import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

import { type MutableResponse, OAuth2Server } from 'oauth2-mock-server'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { signState, STATE_COOKIE } from '@/platform/auth/google/state'
import { createAuthClient, freshClientIp, type TokenPairBody } from '../../../helpers/authClient'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'
import { TEST_SECRET } from '../../../helpers/testSecret'

/**
 * Google sign-in against a real local OAuth2 server (oauth2-mock-server): the browser's part is
 * played by hand, following each 302 the way a browser would.
 */

const FRONTEND = 'http://frontend.test'
// The rest client's origin: the provider sends the browser back here.
const CALLBACK_URL = 'http://localhost:3000/api/auth/google/callback'
const CLIENT_ID = 'test-google-client'

let ctx: PayloadInt
let provider: OAuth2Server
let providerUrl: string
/** What the provider's userinfo endpoint saw, per call, during the current test. */
let userinfoCalls: { authorization: string | undefined }[] = []
/** The token request bodies the provider received during the current test. */
let tokenRequests: Record<string, unknown>[] = []

/** Listens (first, so before any test's own hook) to what our server sends the provider. */
const recordProviderCalls = () => {
  userinfoCalls = []
  tokenRequests = []
  provider.service.on('beforeUserinfo', (_response: MutableResponse, req: IncomingMessage) => {
    userinfoCalls.push({ authorization: req.headers.authorization })
  })
  provider.service.on('beforeResponse', (_response: MutableResponse, req: IncomingMessage & { body: Record<string, unknown> }) => {
    tokenRequests.push(req.body)
  })
}

beforeAll(async () => {
  provider = new OAuth2Server()
  await provider.issuer.keys.generate('RS256')
  await provider.start(0, '127.0.0.1')
  providerUrl = `http://127.0.0.1:${provider.address().port}`
  recordProviderCalls()
  ctx = await initPayloadInt('google', {
    GOOGLE_CLIENT_ID: CLIENT_ID,
    GOOGLE_CLIENT_SECRET: 'test-google-secret',
    GOOGLE_CALLBACK_URL: CALLBACK_URL,
    GOOGLE_AUTHORIZATION_URL: `${providerUrl}/authorize`,
    GOOGLE_TOKEN_URL: `${providerUrl}/token`,
    GOOGLE_USER_PROFILE_URL: `${providerUrl}/userinfo`,
    ALLOWED_ORIGINS: FRONTEND,
    ACCESS_TOKEN_EXPIRE_MINUTES: '20',
    RATE_LIMIT_AUTH_PER_IP: '30',
  })
})

afterEach(() => {
  // A profile a failed test did not consume must not leak into the next test.
  provider.service.removeAllListeners('beforeUserinfo')
  provider.service.removeAllListeners('beforeResponse')
  recordProviderCalls()
})

afterAll(async () => {
  if (provider?.listening) await provider.stop()
  await ctx?.cleanup()
})

type GoogleProfile = { sub: string; email?: string; email_verified?: boolean; name?: string }

/** The next userinfo call answers with this profile. */
const googleAnswers = (profile: GoogleProfile) => {
  provider.service.once('beforeUserinfo', (response: MutableResponse) => {
    response.body = profile
  })
}

const countUsers = async (email?: string) =>
  (await ctx.payload.count({ collection: 'users', where: email ? { email: { equals: email } } : {} })).totalDocs

/** GET /api/auth/google: the 302 to the provider and the cookie the browser keeps. */
const startSignIn = async (redirect = `${FRONTEND}/signed-in`) => {
  const response = await ctx.rest.get(`/auth/google?redirect=${encodeURIComponent(redirect)}`, {
    headers: { 'x-cms-client-ip': freshClientIp() },
  })
  expect(response.status).toBe(302)
  const setCookie = response.headers.get('set-cookie') ?? ''
  return {
    response,
    location: new URL(response.headers.get('location') ?? ''),
    setCookie,
    /** What the browser sends back: `name=value`. */
    cookie: setCookie.split(';')[0],
  }
}

/** The provider's consent page: it answers the authorize URL with a 302 back to our callback. */
const consent = async (authorizeUrl: URL): Promise<URLSearchParams> => {
  const response = await fetch(authorizeUrl, { redirect: 'manual' })
  expect(response.status).toBe(302)
  const back = new URL(response.headers.get('location') ?? '')
  expect(`${back.origin}${back.pathname}`).toBe(CALLBACK_URL)
  return back.searchParams
}

const callback = (query: URLSearchParams | string, cookie?: string, ip = freshClientIp()) =>
  ctx.rest.get(`/auth/google/callback?${query.toString()}`, {
    headers: { 'x-cms-client-ip': ip, ...(cookie ? { Cookie: cookie } : {}) },
  })

/** The whole round trip a browser makes, with `profile` as the Google account. */
const signInWithGoogle = async (profile: GoogleProfile, redirect?: string) => {
  googleAnswers(profile)
  const started = await startSignIn(redirect)
  const back = await consent(started.location)
  return callback(back, started.cookie)
}

/** The frontend URL of a successful callback and the token pair in its fragment. */
const landing = (response: Response) => {
  expect(response.status).toBe(302)
  const location = new URL(response.headers.get('location') ?? '')
  return { location, tokens: new URLSearchParams(location.hash.slice(1)) }
}

const me = async (accessToken: string) => {
  const response = await ctx.rest.get('/users/me', { headers: { Authorization: `Bearer ${accessToken}` } })
  expect(response.status).toBe(200)
  return ((await response.json()) as { user: TokenPairBody['user'] }).user
}

const errorMessage = async (response: Response) => ((await response.json()) as { errors: { message: string; field?: string }[] }).errors[0]

describe('GET /api/auth/google', () => {
  it('redirects to the provider with the client, callback, email scope and a signed state bound to a cookie', async () => {
    const { response, location, setCookie, cookie } = await startSignIn()
    expect(`${location.origin}${location.pathname}`).toBe(`${providerUrl}/authorize`)
    expect(location.searchParams.get('client_id')).toBe(CLIENT_ID)
    expect(location.searchParams.get('redirect_uri')).toBe(CALLBACK_URL)
    expect(location.searchParams.get('response_type')).toBe('code')
    expect(location.searchParams.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['email', 'profile']))

    const state = location.searchParams.get('state') ?? ''
    const [body, signature] = state.split('.')
    expect(signature).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as { n: string; r: string; e: number }
    expect(claims.r).toBe(`${FRONTEND}/signed-in`)
    expect(claims.e * 1000 - Date.now()).toBeGreaterThan(9 * 60_000)
    expect(claims.e * 1000 - Date.now()).toBeLessThanOrEqual(10 * 60_000)

    // The browser half of the binding: the same nonce, in a cookie scripts cannot read.
    expect(cookie).toBe(`${STATE_COOKIE}=${claims.n}`)
    expect(setCookie).toMatch(/; HttpOnly/)
    expect(setCookie).toMatch(/; SameSite=Lax/)
    expect(setCookie).toMatch(/; Path=\/api\/auth\/google(;|$)/)
    expect(setCookie).toMatch(/; Max-Age=600/)
    expect(response.headers.get('cache-control')).toBe('no-store')

    // Two sign-ins never share a nonce.
    expect((await startSignIn()).cookie).not.toBe(cookie)
  })

  it('refuses a redirect outside ALLOWED_ORIGINS with 400 and sets no cookie', async () => {
    for (const redirect of [
      'http://evil.test/signed-in',
      'http://frontend.test.evil.test/',
      'https://frontend.test/', // another scheme is another origin
      'http://frontend.test:8080/',
      'http://user:pass@frontend.test/',
      'javascript:alert(1)',
      '/relative/path',
      '',
    ]) {
      const response = await ctx.rest.get(`/auth/google?redirect=${encodeURIComponent(redirect)}`, {
        headers: { 'x-cms-client-ip': freshClientIp() },
      })
      expect(response.status, redirect).toBe(400)
      expect(response.headers.get('set-cookie'), redirect).toBeNull()
      expect(await errorMessage(response), redirect).toMatchObject({ field: 'redirect' })
    }
    const missing = await ctx.rest.get('/auth/google', { headers: { 'x-cms-client-ip': freshClientIp() } })
    expect(missing.status).toBe(400)
  })
})

describe('GET /api/auth/google/callback', () => {
  it('creates a plain user (even as the very first account) and hands a working token pair to the frontend', async () => {
    expect(await countUsers()).toBe(0)
    const response = await signInWithGoogle({ sub: 'google-1', email: 'New.Person@Example.com', email_verified: true, name: 'New Person' })
    const { location, tokens } = landing(response)

    expect(`${location.origin}${location.pathname}`).toBe(`${FRONTEND}/signed-in`)
    expect(location.search).toBe('')
    expect(tokens.get('tokenType')).toBe('Bearer')
    expect(tokens.get('expiresIn')).toBe(String(20 * 60))
    expect(tokens.get('accessToken')).toBeTruthy()
    expect(tokens.get('refreshToken')).toBeTruthy()
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${STATE_COOKIE}=; Max-Age=0`))

    // The code was exchanged for our client and callback, and the token went in a header.
    expect(tokenRequests).toHaveLength(1)
    expect(tokenRequests[0]).toMatchObject({ grant_type: 'authorization_code', client_id: CLIENT_ID, redirect_uri: CALLBACK_URL })
    expect(userinfoCalls).toHaveLength(1)
    expect(userinfoCalls[0].authorization).toMatch(/^Bearer \S+/)

    const user = await me(tokens.get('accessToken') ?? '')
    expect(user).toMatchObject({ email: 'new.person@example.com', name: 'New Person', roles: ['user'] })
    expect(await countUsers()).toBe(1)

    // The refresh token is a real token session.
    const refreshed = await createAuthClient(ctx.rest).refresh(tokens.get('refreshToken'))
    expect(refreshed.status).toBe(200)

    // Coming back with the same Google account signs in to the same user.
    const again = landing(await signInWithGoogle({ sub: 'google-1', email: 'new.person@example.com', email_verified: true }))
    expect((await me(again.tokens.get('accessToken') ?? '')).id).toBe(user.id)
    expect(await countUsers()).toBe(1)
  })

  it('links an existing account by verified email and keeps its roles and password', async () => {
    const existing = await ctx.payload.create({
      collection: 'users',
      data: { email: 'editor@example.com', password: 'editor-password', name: 'Ed', roles: ['editor'] },
      overrideAccess: true,
    })
    const response = await signInWithGoogle(
      { sub: 'google-editor', email: 'Editor@Example.com', email_verified: true, name: 'Someone Else' },
      `${FRONTEND}/callback?next=%2Fdashboard#old-fragment`,
    )
    const { location, tokens } = landing(response)
    expect(`${location.origin}${location.pathname}${location.search}`).toBe(`${FRONTEND}/callback?next=%2Fdashboard`)
    expect(location.hash).not.toContain('old-fragment')

    const user = await me(tokens.get('accessToken') ?? '')
    expect(user).toMatchObject({ id: existing.id, email: 'editor@example.com', name: 'Ed', roles: ['editor'] })
    expect(await countUsers('editor@example.com')).toBe(1)

    const login = await createAuthClient(ctx.rest).login({ email: 'editor@example.com', password: 'editor-password' })
    expect(login.status).toBe(200)
  })

  it('refuses an unverified or missing email with 403 and creates nobody', async () => {
    const before = await countUsers()
    const unverified = await signInWithGoogle({ sub: 'google-unverified', email: 'unverified@example.com', email_verified: false })
    expect(unverified.status).toBe(403)
    expect((await errorMessage(unverified)).message).toMatch(/not verified/)
    expect(unverified.headers.get('set-cookie')).toMatch(new RegExp(`^${STATE_COOKIE}=; Max-Age=0`))

    const noEmail = await signInWithGoogle({ sub: 'google-no-email' })
    expect(noEmail.status).toBe(403)
    expect((await errorMessage(noEmail)).message).toMatch(/email/)

    expect(await countUsers('unverified@example.com')).toBe(0)
    expect(await countUsers()).toBe(before)
  })

  it('refuses a tampered state with 400 before talking to the provider', async () => {
    const started = await startSignIn()
    const back = await consent(started.location)
    const [body, signature] = (back.get('state') ?? '').split('.')
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>

    const otherRedirect = Buffer.from(JSON.stringify({ ...claims, r: 'http://evil.test/steal' })).toString('base64url')
    const forgedSignature = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`
    for (const state of [`${otherRedirect}.${signature}`, `${body}.${forgedSignature}`, `${body}.${signature}.extra`, body, 'garbage']) {
      const query = new URLSearchParams(back)
      query.set('state', state)
      const response = await callback(query, started.cookie)
      expect(response.status, state).toBe(400)
      expect(await errorMessage(response), state).toMatchObject({ field: 'state', message: expect.stringMatching(/state is invalid/) })
      expect(response.headers.get('location')).toBeNull()
    }
    expect(tokenRequests).toHaveLength(0)
    expect(userinfoCalls).toHaveLength(0)
  })

  it('refuses a missing state with 400', async () => {
    const started = await startSignIn()
    const back = await consent(started.location)
    back.delete('state')
    const response = await callback(back, started.cookie)
    expect(response.status).toBe(400)
    expect((await errorMessage(response)).message).toMatch(/state is missing/)
    expect(tokenRequests).toHaveLength(0)
  })

  it("refuses a valid state without this browser's cookie (missing or from another sign-in) with 400", async () => {
    const started = await startSignIn()
    const back = await consent(started.location)
    const otherBrowser = await startSignIn()

    for (const cookie of [undefined, otherBrowser.cookie, `${STATE_COOKIE}=`, `${STATE_COOKIE}=${'A'.repeat(43)}`]) {
      const response = await callback(back, cookie)
      expect(response.status, cookie).toBe(400)
      expect((await errorMessage(response)).message, cookie).toMatch(/not started in this browser/)
    }
    expect(tokenRequests).toHaveLength(0)

    // The same callback with the right cookie still works: the checks above refused nothing else.
    googleAnswers({ sub: 'google-cookie', email: 'cookie@example.com', email_verified: true })
    landing(await callback(back, started.cookie))
  })

  it('refuses an expired state with 400', async () => {
    const nonce = 'n'.repeat(43)
    const state = signState(TEST_SECRET, { nonce, redirect: `${FRONTEND}/signed-in`, now: Date.now() - 11 * 60_000 })
    const response = await callback(new URLSearchParams({ code: 'any-code', state }), `${STATE_COOKIE}=${nonce}`)
    expect(response.status).toBe(400)
    expect((await errorMessage(response)).message).toMatch(/expired/)
    expect(tokenRequests).toHaveLength(0)
  })

  it('answers a provider error such as access_denied with 401 and creates nobody', async () => {
    const before = await countUsers()
    const started = await startSignIn()
    const state = started.location.searchParams.get('state') ?? ''
    const denied = await callback(new URLSearchParams({ error: 'access_denied', state }), started.cookie)
    expect(denied.status).toBe(401)
    expect((await errorMessage(denied)).message).toMatch(/cancelled/)
    expect(denied.headers.get('set-cookie')).toMatch(new RegExp(`^${STATE_COOKIE}=; Max-Age=0`))

    const otherError = await callback(new URLSearchParams({ error: 'server_error', state }), started.cookie)
    expect(otherError.status).toBe(401)
    expect((await errorMessage(otherError)).message).toMatch(/server_error/)

    expect(tokenRequests).toHaveLength(0)
    expect(await countUsers()).toBe(before)
  })

  it('answers 401 when the provider refuses the code, and creates nobody', async () => {
    const before = await countUsers()
    googleAnswers({ sub: 'google-refused', email: 'refused@example.com', email_verified: true })
    provider.service.once('beforeResponse', (response: MutableResponse) => {
      response.statusCode = 400
      response.body = { error: 'invalid_grant', error_description: 'Bad code' }
    })
    const started = await startSignIn()
    const back = await consent(started.location)
    const response = await callback(back, started.cookie)
    expect(response.status).toBe(401)
    expect((await errorMessage(response)).message).toMatch(/did not accept/)
    expect(userinfoCalls).toHaveLength(0)
    expect(await countUsers()).toBe(before)
  })

  it('answers 502 when the provider fails (5xx) rather than blaming the user', async () => {
    const started = await startSignIn()
    const back = await consent(started.location)
    provider.service.once('beforeResponse', (response: MutableResponse) => {
      response.statusCode = 503
      response.body = { error: 'temporarily_unavailable' }
    })
    const response = await callback(back, started.cookie)
    expect(response.status).toBe(502)
  })

  it('uses PKCE (S256): the token request carries the verifier of the challenge sent; a state works once', async () => {
    const started = await startSignIn()
    expect(started.location.searchParams.get('code_challenge_method')).toBe('S256')
    const challenge = started.location.searchParams.get('code_challenge') ?? ''
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/)
    googleAnswers({ sub: 'google-pkce', email: 'pkce@example.com', email_verified: true })
    const back = await consent(started.location)
    landing(await callback(back, started.cookie))
    const verifier = String(tokenRequests[0]?.code_verifier ?? '')
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(challenge)

    // The same callback again (state, cookie and code replayed): the state is spent.
    const replayed = await callback(back, started.cookie)
    expect(replayed.status).toBe(400)
    expect(await errorMessage(replayed)).toMatchObject({ field: 'state', message: expect.stringMatching(/already been used/) })
    expect(tokenRequests).toHaveLength(1)
  })

  it('counts callbacks against the per-IP limit of /api/auth/*: 429 with Retry-After past it', async () => {
    const ip = freshClientIp()
    // RATE_LIMIT_AUTH_PER_IP is 30 (per minute) in this file; every /api/auth/* request counts.
    for (let i = 0; i < 30; i++) expect((await callback('code=x&state=y', undefined, ip)).status).toBe(400)
    const limited = await callback('code=x&state=y', undefined, ip)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)
    // Refused before it was looked at: the sign-in in progress is left alone, to retry after the wait.
    expect(limited.headers.get('set-cookie')).toBeNull()
  })
})
