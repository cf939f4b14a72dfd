import { createHash } from 'node:crypto'

import type { StateStore } from 'passport-oauth2'
import { type Profile, Strategy, type StrategyOptions, type VerifyCallback as PassportVerified } from 'passport-google-oauth20'

import type { GoogleConfig } from '../../config'
import { saveFlow, takeFlow } from '../oauth/flowStore'
import { type StateProblem, signState, verifyState } from './state'

/** What we ask Google for: who the user is and their (verified) email address. */
export const GOOGLE_SCOPES = ['openid', 'email', 'profile'] as const

/** The whole code exchange and profile load get this long before the sign-in fails with 502 instead of hanging. */
const PROVIDER_TIMEOUT_MS = 20_000

/**
 * Google (or whatever GOOGLE_*_URL points at) failed. `providerStatus` is the HTTP status it
 * answered with; undefined when it could not be reached, timed out or answered nonsense.
 */
export class GoogleProviderError extends Error {
  constructor(
    message: string,
    readonly providerStatus: number | undefined,
  ) {
    super(message)
    this.name = 'GoogleProviderError'
  }
}

/** The HTTP status inside the errors of `oauth` and passport-oauth2 (TokenError, InternalOAuthError), when there is one. */
const statusOf = (error: unknown): number | undefined => {
  if (error instanceof GoogleProviderError) return error.providerStatus
  if (!error || typeof error !== 'object') return undefined
  const { statusCode, oauthError, code } = error as { statusCode?: unknown; oauthError?: unknown; code?: unknown }
  if (typeof statusCode === 'number') return statusCode
  if (oauthError) return statusOf(oauthError)
  // GooglePlusAPIError carries Google's numeric status as `code`; TokenError and UserInfoError a word like 'invalid_grant'.
  if (typeof code === 'number') return code
  if (typeof code === 'string' && /^[a-z_]+$/.test(code)) return 401
  return undefined
}

/**
 * The request passport's strategy sees: Payload endpoints are not Express middleware, so this
 * carries what `authenticate` reads (`query`) and what our state store needs.
 */
export type StrategyRequest = {
  query: Record<string, string>
  headers: Record<string, string>
  /** Start: the nonce of the browser's cookie and the frontend URL, sealed into the state. */
  nonce?: string
  redirect?: string
  /** Callback: the nonce the browser sent back in its cookie. */
  cookieNonce?: string
}

type StoreCallback = (error: Error | null, state?: string) => void
type VerifyCallback = (error: Error | null, ok: string | false, info: { redirect: string } | { problem: StateProblem | 'used' }) => void

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex')

/**
 * passport-oauth2's state store interface (`store` with 5 arguments receives the PKCE verifier):
 * the state is our signed `{nonce, redirect, expiry}` (bound to the browser by the nonce cookie);
 * the verifier stays on the server (Redis or in-process) under that state, taken once.
 */
const googleStateStore = (secret: string) => ({
  store: (req: StrategyRequest, verifier: string, _state: unknown, _meta: unknown, done: StoreCallback) => {
    const { nonce, redirect } = req
    if (!nonce || !redirect) return done(new Error('the sign-in start carries no nonce or redirect'))
    const state = signState(secret, { nonce, redirect })
    saveFlow(state, { provider: 'google', browserHash: sha256(nonce), codeVerifier: verifier, redirect }).then(
      () => done(null, state),
      (error: Error) => done(error),
    )
  },
  verify: (req: StrategyRequest, providedState: string, _meta: unknown, done: VerifyCallback) => {
    const verified = verifyState(secret, providedState, req.cookieNonce)
    if ('problem' in verified) return done(null, false, { problem: verified.problem })
    takeFlow(providedState).then(
      (flow) =>
        flow && flow.provider === 'google'
          ? done(null, flow.codeVerifier, { redirect: verified.redirect })
          : done(null, false, { problem: 'used' }),
      (error: Error) => done(error, false, { problem: 'used' }),
    )
  },
})

export type StrategyOutcome =
  | { type: 'redirect'; url: string }
  | { type: 'success'; profile: Profile; redirect: string }
  | { type: 'fail'; problem: StateProblem | 'used' | 'cancelled' }

/**
 * passport-google-oauth20's Strategy with PKCE (S256) and our state store, driven through
 * passport's public strategy API: `authenticate(req)` on an instance augmented with the
 * `redirect`, `success`, `fail` and `error` actions (what passport's middleware does).
 */
export class GoogleSignInStrategy extends Strategy {
  readonly config: GoogleConfig

  constructor(config: GoogleConfig, secret: string) {
    super(
      {
        clientID: config.clientId,
        clientSecret: config.clientSecret,
        callbackURL: config.callbackUrl,
        authorizationURL: config.authorizationUrl,
        tokenURL: config.tokenUrl,
        userProfileURL: config.userProfileUrl,
        scope: [...GOOGLE_SCOPES],
        pkce: true,
        state: true,
        // Its `store` takes five arguments, so passport-oauth2 hands it the PKCE verifier.
        store: googleStateStore(secret) as unknown as StateStore,
      } satisfies StrategyOptions,
      // The verify step hands the profile on: the endpoint decides which account it signs in to.
      (_accessToken: string, _refreshToken: string, profile: Profile, done: PassportVerified) =>
        done(null, profile as unknown as Express.User),
    )
    this.config = config
    // Send the access token as `Authorization: Bearer`, never in the userinfo URL's query string.
    // (`_oauth2` is passport-oauth2's documented protected member for subclasses.)
    this._oauth2.useAuthorizationHeaderforGET(true)
  }

  /**
   * passport-oauth2's hook for a refused token request: keep Google's HTTP status, so a refused
   * code (4xx) is told apart from Google failing (5xx).
   */
  parseErrorResponse(body: string, status: number): Error {
    let code = 'error'
    try {
      const json = JSON.parse(body) as { error?: unknown }
      if (typeof json.error === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(json.error)) code = json.error
    } catch {
      // not JSON: the status says enough
    }
    return new GoogleProviderError(`Google token exchange: ${code} (HTTP ${status})`, status)
  }

  /** Runs one `authenticate` step and reports how it ended. */
  run(req: StrategyRequest, options: Record<string, unknown> = {}): Promise<StrategyOutcome> {
    return new Promise<StrategyOutcome>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new GoogleProviderError(`Google sign-in: no answer within ${PROVIDER_TIMEOUT_MS} ms`, undefined)),
        PROVIDER_TIMEOUT_MS,
      )
      const settle = (action: () => void) => {
        clearTimeout(timer)
        action()
      }
      const step = Object.create(this) as GoogleSignInStrategy & {
        redirect: (url: string) => void
        success: (user: unknown, info?: unknown) => void
        fail: (challenge?: unknown) => void
        error: (error: Error) => void
        pass: () => void
      }
      step.redirect = (url) => settle(() => resolve({ type: 'redirect', url }))
      step.success = (profile, info) =>
        settle(() =>
          resolve({
            type: 'success',
            profile: profile as Profile,
            redirect: (info as { state?: { redirect?: string } } | undefined)?.state?.redirect ?? '',
          }),
        )
      step.fail = (challenge) => {
        const problem = (challenge as { problem?: StateProblem | 'used' } | undefined)?.problem
        settle(() => resolve({ type: 'fail', problem: problem ?? 'cancelled' }))
      }
      step.error = (error) => {
        const status = statusOf(error)
        settle(() =>
          reject(error instanceof GoogleProviderError ? error : new GoogleProviderError(`Google sign-in: ${error.message}`, status)),
        )
      }
      step.pass = () => settle(() => reject(new Error('the Google strategy passed the request on')))
      step.authenticate(req as never, { ...options, prompt: 'select_account' })
    })
  }
}

let cached: { strategy: GoogleSignInStrategy; config: GoogleConfig; secret: string } | undefined

/** One strategy per process, built from the (read-once) configuration. */
export const getGoogleStrategy = (config: GoogleConfig, secret: string): GoogleSignInStrategy => {
  if (!cached || cached.config !== config || cached.secret !== secret)
    cached = { strategy: new GoogleSignInStrategy(config, secret), config, secret }
  return cached.strategy
}
