import { type Profile, Strategy } from 'passport-google-oauth20'

import type { GoogleConfig } from '../../config'

/** What we ask Google for: who the user is and their (verified) email address. */
export const GOOGLE_SCOPES = ['openid', 'email', 'profile'] as const

/** Google's own calls get this long before the sign-in fails with 502 instead of hanging. */
const PROVIDER_TIMEOUT_MS = 10_000

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

/** The HTTP status inside the errors of `oauth` and passport-google-oauth20, when there is one. */
const statusOf = (error: unknown): number | undefined => {
  if (error instanceof GoogleProviderError) return error.providerStatus
  if (!error || typeof error !== 'object') return undefined
  const { statusCode, oauthError, code } = error as { statusCode?: unknown; oauthError?: unknown; code?: unknown }
  if (typeof statusCode === 'number') return statusCode
  if (oauthError) return statusOf(oauthError)
  // GooglePlusAPIError carries Google's numeric status as `code`; UserInfoError a string like 'invalid_token'.
  if (typeof code === 'number') return code
  if (typeof code === 'string' && /^[a-z_]+$/.test(code)) return 401
  return undefined
}

const withTimeout = <T>(what: string, run: (done: (error: unknown, value?: T) => void) => void): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new GoogleProviderError(`${what}: no answer within ${PROVIDER_TIMEOUT_MS} ms`, undefined)), PROVIDER_TIMEOUT_MS)
    run((error, value) => {
      clearTimeout(timer)
      if (!error) return resolve(value as T)
      const status = statusOf(error)
      const detail = error instanceof Error ? error.message : status ? `HTTP ${status}` : 'provider error'
      reject(error instanceof GoogleProviderError ? error : new GoogleProviderError(`${what}: ${detail}`, status))
    })
  })

/**
 * passport-google-oauth20's Strategy, used without passport: Payload endpoints are not Express
 * middleware, so the endpoints drive the OAuth2 steps themselves through the strategy's own
 * OAuth2 client (code exchange) and profile loader (userinfo, parsed into a passport Profile).
 */
export class GoogleSignInStrategy extends Strategy {
  readonly config: GoogleConfig

  constructor(config: GoogleConfig) {
    super(
      {
        clientID: config.clientId,
        clientSecret: config.clientSecret,
        callbackURL: config.callbackUrl,
        authorizationURL: config.authorizationUrl,
        tokenURL: config.tokenUrl,
        userProfileURL: config.userProfileUrl,
        scope: [...GOOGLE_SCOPES],
      },
      (_accessToken, _refreshToken, _profile, done) => done(new Error('passport middleware is not used: see src/platform/auth/google/endpoints.ts')),
    )
    this.config = config
    // Send the access token as `Authorization: Bearer`, never in the userinfo URL's query string.
    this._oauth2.useAuthorizationHeaderforGET(true)
  }

  /** Google's consent page for this sign-in, carrying our signed `state`. */
  authorizationUrl(state: string): string {
    const url = new URL(this.config.authorizationUrl)
    const params: Record<string, string> = {
      ...(this.authorizationParams({ prompt: 'select_account' }) as Record<string, string>),
      response_type: 'code',
      client_id: this.config.clientId,
      redirect_uri: this.config.callbackUrl,
      scope: GOOGLE_SCOPES.join(' '),
      state,
    }
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
    return url.href
  }

  /** Trades the authorization code for an access token (POST to the token URL). */
  exchangeCode(code: string): Promise<string> {
    return withTimeout<string>('Google token exchange', (done) =>
      this._oauth2.getOAuthAccessToken(
        code,
        { grant_type: 'authorization_code', redirect_uri: this.config.callbackUrl },
        (error, accessToken) => {
          if (error) return done(error)
          if (!accessToken) return done(new GoogleProviderError('Google token exchange: no access token in the answer', 401))
          done(null, accessToken)
        },
      ),
    )
  }

  /** The userinfo profile; `_json` is Google's raw answer (`sub`, `email`, `email_verified`, `name`). */
  loadProfile(accessToken: string): Promise<Profile> {
    return withTimeout<Profile>('Google profile', (done) => this.userProfile(accessToken, done))
  }
}

let cached: GoogleSignInStrategy | undefined

/** One strategy per process, built from the (read-once) configuration. */
export const getGoogleStrategy = (config: GoogleConfig): GoogleSignInStrategy => {
  if (!cached || cached.config !== config) cached = new GoogleSignInStrategy(config)
  return cached
}
