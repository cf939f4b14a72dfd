import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

import type { Endpoint, PayloadRequest } from 'payload'
import { parseCookies } from 'payload/shared'

import { getAppConfig, type OAuthProviderConfig } from '../../config'
import { allowedRedirect } from '../google/endpoints'
import { accountForIdentity, IdentityLinkedElsewhere, linkIdentity } from '../identities/accountForIdentity'
import { issueTokens, redirectWithTokens } from '../identities/issueTokens'
import { errorResponse, handleKnownErrors, invalidField, unauthorized } from '../endpoints/responses'
import { oauthCallbackDocumentation, oauthLinkDocumentation, oauthStartDocumentation } from '../identities/documentation'
import { codeChallengeOf, newCodeVerifier } from './pkce'
import { FLOW_TTL_SECONDS, FlowStoreUnavailable, saveFlow, takeFlow } from './flowStore'
import { exchangeCode, OAuthProviderError, type OAuthProviderName, PROVIDERS, UnusableProfile } from './providers'

const configOf = (name: OAuthProviderName): OAuthProviderConfig | undefined => getAppConfig().identity[name]

const cookieName = (name: OAuthProviderName) => `${name}-sign-in-nonce`

const cookieAttributes = (name: OAuthProviderName, config: OAuthProviderConfig) =>
  `Path=/api/auth/${name}; HttpOnly; SameSite=Lax${new URL(config.callbackUrl).protocol === 'https:' ? '; Secure' : ''}`

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex')

const sameText = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

const unavailable = (req: PayloadRequest): Response => {
  req.payload.logger.warn({ msg: 'sign-in state store (Redis) unavailable' })
  return errorResponse(503, 'Sign-in is unavailable for a moment: try again shortly.', undefined, { 'Retry-After': '5' })
}

/**
 * Starts a flow: a random `state` (the key of the server-side flow record), a PKCE verifier kept
 * in that record, and a nonce cookie that binds the flow to this browser.
 */
const startFlow = async (
  req: PayloadRequest,
  name: OAuthProviderName,
  config: OAuthProviderConfig,
  linkUserId?: number,
): Promise<Response | { authorizationUrl: string; cookie: string }> => {
  const redirect = allowedRedirect(req.searchParams.get('redirect'), getAppConfig().security.allowedOrigins)
  if (!redirect)
    return invalidField('redirect', 'redirect must be an http(s) URL whose origin is one of the allowed origins (ALLOWED_ORIGINS)')
  const state = randomBytes(32).toString('base64url')
  const nonce = randomBytes(32).toString('base64url')
  const codeVerifier = newCodeVerifier()
  try {
    await saveFlow(state, { provider: name, browserHash: sha256(nonce), codeVerifier, redirect, ...(linkUserId ? { linkUserId } : {}) })
  } catch (error) {
    if (error instanceof FlowStoreUnavailable) return unavailable(req)
    throw error
  }
  const url = new URL(config.authorizationUrl)
  const params = {
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.callbackUrl,
    scope: config.scope,
    state,
    code_challenge: codeChallengeOf(codeVerifier),
    code_challenge_method: 'S256',
  }
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  return {
    authorizationUrl: url.href,
    cookie: `${cookieName(name)}=${nonce}; Max-Age=${FLOW_TTL_SECONDS}; ${cookieAttributes(name, config)}`,
  }
}

const notEnabled = (name: OAuthProviderName) => errorResponse(404, `${PROVIDERS[name].label} sign-in is not enabled on this server.`)

/** GET /api/auth/<provider>?redirect=<frontend URL> -> 302 to the provider's consent page. */
const startEndpoint = (name: OAuthProviderName): Endpoint => ({
  path: `/auth/${name}`,
  method: 'get',
  custom: { openapi: oauthStartDocumentation(PROVIDERS[name].label) },
  handler: async (req) => {
    const config = configOf(name)
    if (!config) return notEnabled(name)
    const started = await startFlow(req, name, config)
    if (started instanceof Response) return started
    return new Response(null, {
      status: 302,
      headers: { Location: started.authorizationUrl, 'Set-Cookie': started.cookie, 'Cache-Control': 'no-store' },
    })
  },
})

/**
 * POST /api/auth/<provider>/link?redirect=<frontend URL> (Bearer) -> 200 {authorizationUrl} and
 * the nonce cookie: the frontend sends the browser there; the callback links instead of signing in.
 */
const linkEndpoint = (name: OAuthProviderName): Endpoint => ({
  path: `/auth/${name}/link`,
  method: 'post',
  custom: { openapi: oauthLinkDocumentation(PROVIDERS[name].label) },
  handler: async (req) => {
    const config = configOf(name)
    if (!config) return notEnabled(name)
    if (!req.user) return unauthorized()
    const started = await startFlow(req, name, config, Number(req.user.id))
    if (started instanceof Response) return started
    return Response.json(
      { authorizationUrl: started.authorizationUrl },
      { headers: { 'Set-Cookie': started.cookie, 'Cache-Control': 'no-store' } },
    )
  },
})

const providerErrorCode = (raw: string): string => (/^[A-Za-z0-9_.-]{1,64}$/.test(raw) ? raw : 'unknown_error')

const handleCallback = async (req: PayloadRequest, name: OAuthProviderName, config: OAuthProviderConfig): Promise<Response> => {
  const label = PROVIDERS[name].label
  const params = req.searchParams
  const providerError = params.get('error')
  if (providerError !== null) {
    const code = providerErrorCode(providerError)
    return errorResponse(
      401,
      code === 'access_denied'
        ? `${label} sign-in was cancelled: access was not granted.`
        : `${label} sign-in failed: it answered "${code}".`,
    )
  }
  const state = params.get('state')
  if (!state || state.length > 256) return invalidField('state', `The sign-in state is missing: start ${label} sign-in again.`)
  const nonce = parseCookies(req.headers).get(cookieName(name))
  let flow
  try {
    flow = await takeFlow(state)
  } catch (error) {
    if (error instanceof FlowStoreUnavailable) return unavailable(req)
    throw error
  }
  if (!flow || flow.provider !== name) {
    return invalidField('state', `The sign-in state is unknown, used or expired: start ${label} sign-in again.`)
  }
  if (!nonce || !sameText(sha256(nonce), flow.browserHash)) {
    return invalidField(
      'state',
      `This ${label} sign-in was not started in this browser (the sign-in cookie is missing or different): start again.`,
    )
  }
  const redirect = allowedRedirect(flow.redirect, getAppConfig().security.allowedOrigins)
  if (!redirect) return invalidField('redirect', 'The redirect of this sign-in is no longer an allowed origin.')
  const code = params.get('code')
  if (!code || code.length > 2048) return invalidField('code', `The authorization code from ${label} is missing.`)
  const extra: Record<string, string> = {}
  for (const param of PROVIDERS[name].callbackParams) {
    const value = params.get(param)
    if (value && value.length <= 512) extra[param] = value
  }

  let identity
  try {
    const accessToken = await exchangeCode(name, config, { code, codeVerifier: flow.codeVerifier, extra })
    identity = { provider: name, ...PROVIDERS[name].identityOf(await PROVIDERS[name].loadProfile(config, accessToken)) }
  } catch (error) {
    if (error instanceof UnusableProfile) return errorResponse(403, error.message)
    if (!(error instanceof OAuthProviderError)) throw error
    req.payload.logger.warn({ msg: `${label} sign-in: provider call failed`, err: error.message, providerStatus: error.providerStatus })
    const status = error.providerStatus
    // Refused code (used, expired, forged, or a PKCE verifier that does not match): not authenticated.
    if (status !== undefined && status >= 400 && status < 500) {
      return errorResponse(401, `${label} did not accept this sign-in (the code is invalid, used or expired): start again.`)
    }
    return errorResponse(502, `${label} could not be reached to complete the sign-in: try again in a moment.`)
  }

  if (flow.linkUserId) {
    try {
      await linkIdentity(req, flow.linkUserId, identity)
    } catch (error) {
      if (error instanceof IdentityLinkedElsewhere) return errorResponse(409, error.message, 'provider')
      throw error
    }
    return new Response(null, { status: 302, headers: { Location: `${redirect}#linked=${name}`, 'Referrer-Policy': 'no-referrer' } })
  }
  const { user, created } = await accountForIdentity(req, identity)
  req.payload.logger.info({ msg: `${label} sign-in${created ? ' created a user' : ''}`, userId: user.id })
  return redirectWithTokens(redirect, await issueTokens(req, user))
}

/** GET /api/auth/<provider>/callback?code&state -> 302 to the frontend with the token pair (or `#linked=`). */
const callbackEndpoint = (name: OAuthProviderName): Endpoint => ({
  path: `/auth/${name}/callback`,
  method: 'get',
  custom: { openapi: oauthCallbackDocumentation(PROVIDERS[name].label) },
  handler: async (req) => {
    const config = configOf(name)
    if (!config) return notEnabled(name)
    let response: Response
    try {
      response = await handleCallback(req, name, config)
    } catch (error) {
      response = handleKnownErrors(req, error)
    }
    const headers = new Headers(response.headers)
    // A nonce is good for one attempt.
    headers.append(
      'Set-Cookie',
      `${cookieName(name)}=; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; ${cookieAttributes(name, config)}`,
    )
    headers.set('Cache-Control', 'no-store')
    return new Response(response.body, { status: response.status, headers })
  },
})

export const oauthEndpoints: Endpoint[] = (['vk', 'yandex'] as const).flatMap((name) => [
  startEndpoint(name),
  linkEndpoint(name),
  callbackEndpoint(name),
])
