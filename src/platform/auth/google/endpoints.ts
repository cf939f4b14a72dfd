import type { Endpoint, PayloadRequest } from 'payload'
import { parseCookies } from 'payload/shared'

import { getAppConfig, type GoogleConfig } from '../../config'
import { errorResponse, handleKnownErrors, invalidField } from '../endpoints/responses'
import { issueTokens, redirectWithTokens } from '../identities/issueTokens'
import { getGoogleStrategy, GoogleProviderError } from './googleStrategy'
import { accountForIdentity } from '../identities/accountForIdentity'
import { type GoogleIdentity, googleIdentityOf, UnusableGoogleProfile } from './googleUser'
import { clearedStateCookie, newNonce, STATE_COOKIE, type StateProblem, stateCookie, verifyState } from './state'
import { googleStartDocumentation, googleCallbackDocumentation } from '../endpoints/documentation'

const MAX_REDIRECT_LENGTH = 2048

const notEnabled = (): Response => errorResponse(404, 'Google sign-in is not enabled on this server.')

/** The state cookie is Secure whenever the callback (where it comes back) is served over HTTPS. */
const secureCookie = (google: GoogleConfig): boolean => new URL(google.callbackUrl).protocol === 'https:'

/**
 * The frontend URL the tokens will be handed to, when its origin is one of ALLOWED_ORIGINS
 * (anything else would hand a token pair to whoever crafted the link). Its fragment is dropped:
 * ours replaces it.
 */
export const allowedRedirect = (raw: string | null | undefined, allowedOrigins: readonly string[]): string | undefined => {
  if (!raw || raw.length > MAX_REDIRECT_LENGTH) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return undefined
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  if (url.username || url.password) return undefined
  if (!allowedOrigins.includes(url.origin)) return undefined
  url.hash = ''
  return url.href
}

/**
 * GET /api/auth/google?redirect=<frontend URL> -> 302 to Google's consent page with a signed,
 * 10-minute `state`, and the state's nonce in an HttpOnly cookie that binds it to this browser.
 */
export const googleStartEndpoint: Endpoint = {
  path: '/auth/google',
  method: 'get',
  custom: { openapi: googleStartDocumentation },
  handler: async (req) => {
    const { identity, security } = getAppConfig()
    const google = identity.google
    if (!google) return notEnabled()
    const redirect = allowedRedirect(req.searchParams.get('redirect'), security.allowedOrigins)
    if (!redirect) {
      return invalidField('redirect', 'redirect must be an http(s) URL whose origin is one of the allowed origins (ALLOWED_ORIGINS)')
    }
    const nonce = newNonce()
    let outcome
    try {
      // passport's start step: PKCE verifier and challenge, our state (signed, and stored with the verifier).
      outcome = await getGoogleStrategy(google, security.secret).run({ query: {}, headers: {}, nonce, redirect })
    } catch (error) {
      if (error instanceof GoogleProviderError) return stateStoreUnavailable(req, error)
      throw error
    }
    if (outcome.type !== 'redirect') throw new Error('the Google strategy did not redirect to Google')
    return new Response(null, {
      status: 302,
      headers: {
        Location: outcome.url,
        'Set-Cookie': stateCookie(nonce, secureCookie(google)),
        'Cache-Control': 'no-store',
      },
    })
  },
}

/** The state store (Redis) failed: not the client's fault, and worth a retry. */
const stateStoreUnavailable = (req: PayloadRequest, error: Error): Response => {
  req.payload.logger.warn({ msg: 'Google sign-in: the state store is unavailable', err: error.message })
  return errorResponse(503, 'Sign-in is unavailable for a moment: try again shortly.', undefined, { 'Retry-After': '5' })
}

const STATE_MESSAGES: Record<StateProblem | 'used', string> = {
  used: 'This sign-in state has already been used: start Google sign-in again.',
  missing: 'The sign-in state is missing: start Google sign-in again.',
  invalid: 'The sign-in state is invalid: start Google sign-in again.',
  expired: 'The sign-in took too long and its state has expired: start Google sign-in again.',
  'not-this-browser': 'This Google sign-in was not started in this browser (the sign-in cookie is missing or different): start again.',
}

/** Provider error codes are short ASCII words; anything else is not echoed back. */
const providerErrorCode = (raw: string): string => (/^[A-Za-z0-9_.-]{1,64}$/.test(raw) ? raw : 'unknown_error')

const providerFailure = (req: PayloadRequest, error: GoogleProviderError): Response => {
  req.payload.logger.warn({ msg: 'Google sign-in: provider call failed', err: error.message, providerStatus: error.providerStatus })
  const status = error.providerStatus
  // Google refused the code or the token (used, expired, forged): the sign-in is not authenticated.
  if (status !== undefined && status >= 400 && status < 500) {
    return errorResponse(401, 'Google did not accept this sign-in (the code is invalid, used or expired): start Google sign-in again.')
  }
  // Google unreachable, slow, or failing: not the client's fault.
  return errorResponse(502, 'Google could not be reached to complete the sign-in: try again in a moment.')
}

const withHeaders = (response: Response, headers: Record<string, string>): Response => {
  const merged = new Headers(response.headers)
  for (const [name, value] of Object.entries(headers)) merged.append(name, value)
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged })
}

const handleCallback = async (req: PayloadRequest, google: GoogleConfig): Promise<Response> => {
  const { security } = getAppConfig()
  const params = req.searchParams

  // The user said no (access_denied) or Google could not proceed: nobody is signed in.
  const providerError = params.get('error')
  if (providerError !== null) {
    const code = providerErrorCode(providerError)
    return errorResponse(
      401,
      code === 'access_denied'
        ? 'Google sign-in was cancelled: access was not granted.'
        : `Google sign-in failed: Google answered "${code}".`,
    )
  }

  const verified = verifyState(security.secret, params.get('state'), parseCookies(req.headers).get(STATE_COOKIE))
  if ('problem' in verified) return errorResponse(400, STATE_MESSAGES[verified.problem], 'state')
  // Signed by us, but ALLOWED_ORIGINS may have changed since: check again.
  const redirect = allowedRedirect(verified.redirect, security.allowedOrigins)
  if (!redirect) return invalidField('redirect', 'The redirect of this sign-in is no longer an allowed origin.')

  const code = params.get('code')
  if (!code || code.length > 2048) return invalidField('code', 'The authorization code from Google is missing.')

  let identity: GoogleIdentity
  try {
    // passport's callback step: our store checks the state again and hands back the PKCE verifier
    // (once); the strategy exchanges the code with it and loads the profile.
    const outcome = await getGoogleStrategy(google, security.secret).run({
      query: { code, state: params.get('state') ?? '' },
      headers: {},
      cookieNonce: parseCookies(req.headers).get(STATE_COOKIE),
    })
    if (outcome.type === 'fail') {
      if (outcome.problem === 'cancelled') return errorResponse(401, 'Google sign-in was cancelled: access was not granted.')
      return errorResponse(400, STATE_MESSAGES[outcome.problem], 'state')
    }
    if (outcome.type !== 'success') throw new Error('the Google strategy redirected during the callback')
    identity = googleIdentityOf(outcome.profile)
  } catch (error) {
    if (error instanceof GoogleProviderError) return providerFailure(req, error)
    if (error instanceof UnusableGoogleProfile) return errorResponse(403, error.message)
    throw error
  }

  // The Google account (its `sub`) is remembered as a linked identity, like every other provider.
  const { user, created } = await accountForIdentity(req, {
    provider: 'google',
    subject: identity.subject,
    verifiedEmail: identity.email,
    name: identity.name,
  })
  req.payload.logger.info({ msg: created ? 'Google sign-in created a user' : 'Google sign-in', userId: user.id })
  // A fragment never reaches a server or a Referer header: only the frontend's script reads it.
  // With a second factor due, the fragment carries the challenge instead of tokens.
  return redirectWithTokens(redirect, await issueTokens(req, user))
}

/**
 * GET /api/auth/google/callback?code&state -> 302 to the frontend with the token pair in the URL
 * fragment; 400 bad state, 401 refused by Google, 403 no verified email, 502 Google unreachable.
 * Every answer clears the state cookie and is not cacheable.
 */
export const googleCallbackEndpoint: Endpoint = {
  path: '/auth/google/callback',
  method: 'get',
  custom: { openapi: googleCallbackDocumentation },
  handler: async (req) => {
    const google = getAppConfig().identity.google
    if (!google) return notEnabled()
    let response: Response
    try {
      response = await handleCallback(req, google)
    } catch (error) {
      // 429 (with Retry-After) past the sign-in rate limit; anything unexpected goes on to Payload (500).
      response = handleKnownErrors(req, error)
    }
    return withHeaders(response, { 'Set-Cookie': clearedStateCookie(secureCookie(google)), 'Cache-Control': 'no-store' })
  },
}

export const googleEndpoints: Endpoint[] = [googleStartEndpoint, googleCallbackEndpoint]
