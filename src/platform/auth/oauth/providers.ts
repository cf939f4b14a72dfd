import type { OAuthProviderConfig } from '../../config'
import { isValidEmail } from '../endpoints/validation'
import type { ProviderIdentity } from '../identities/accountForIdentity'

/** The provider failed; `providerStatus` is its HTTP status (undefined: unreachable, slow or nonsense). */
export class OAuthProviderError extends Error {
  constructor(
    message: string,
    readonly providerStatus: number | undefined,
  ) {
    super(message)
    this.name = 'OAuthProviderError'
  }
}

/** The provider's answer is usable neither to sign in nor to link (no stable id). */
export class UnusableProfile extends Error {}

const PROVIDER_TIMEOUT_MS = 10_000

export type OAuthProviderName = 'vk' | 'yandex'

type ProviderSpec = {
  label: string
  /** Extra parameters of the token request, taken from the callback's query (VK ID wants device_id and state). */
  callbackParams: string[]
  loadProfile: (config: OAuthProviderConfig, accessToken: string) => Promise<Record<string, unknown>>
  identityOf: (profile: Record<string, unknown>) => Omit<ProviderIdentity, 'provider'>
}

const call = async (label: string, what: string, url: string, init: RequestInit): Promise<Record<string, unknown>> => {
  let response: Response
  try {
    response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(PROVIDER_TIMEOUT_MS) })
  } catch (error) {
    throw new OAuthProviderError(`${label} ${what}: ${(error as Error).message}`, undefined)
  }
  const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined
  if (!response.ok) {
    const code = typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`
    throw new OAuthProviderError(`${label} ${what}: ${code}`, response.status)
  }
  if (!body || typeof body !== 'object') throw new OAuthProviderError(`${label} ${what}: the answer is not a JSON object`, undefined)
  // VK answers some errors with 200 and an `error` member.
  if (typeof body.error === 'string') throw new OAuthProviderError(`${label} ${what}: ${body.error}`, 400)
  return body
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : null

const cleanEmail = (value: unknown): string | null => {
  const email = typeof value === 'string' ? value.trim().toLowerCase() : ''
  return email && isValidEmail(email) ? email : null
}

const cleanName = (...parts: unknown[]): string | null => {
  const name = parts.map(text).filter(Boolean).join(' ').trim()
  return name ? name.slice(0, 120) : null
}

const subjectOf = (value: unknown, label: string): string => {
  const subject = text(value)
  if (!subject || subject.length > 128) throw new UnusableProfile(`${label} did not tell which account signed in.`)
  return subject
}

export const PROVIDERS: Record<OAuthProviderName, ProviderSpec> = {
  /**
   * VK ID (id.vk.com): the token request carries the device_id VK adds to the callback; the
   * profile comes from POST /oauth2/user_info. VK does not say whether an email is confirmed,
   * so its email never links to an existing account unless VK marks it verified.
   */
  vk: {
    label: 'VK ID',
    callbackParams: ['device_id', 'state'],
    loadProfile: async (config, accessToken) =>
      call('VK ID', 'profile', config.userInfoUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams({ client_id: config.clientId, access_token: accessToken }),
      }),
    identityOf: (body) => {
      const user = (body.user && typeof body.user === 'object' ? body.user : body) as Record<string, unknown>
      const email = cleanEmail(user.email)
      return {
        subject: subjectOf(user.user_id, 'VK ID'),
        verifiedEmail: email && (user.email_verified === true || user.verified_email === true) ? email : null,
        name: cleanName(user.first_name, user.last_name),
      }
    },
  },
  /**
   * Yandex ID: the profile comes from login.yandex.ru/info with `Authorization: OAuth <token>`.
   * Yandex hands out only confirmed addresses (`default_email`), so it links by email.
   */
  yandex: {
    label: 'Yandex ID',
    callbackParams: [],
    loadProfile: async (config, accessToken) =>
      call('Yandex ID', 'profile', config.userInfoUrl, { headers: { Authorization: `OAuth ${accessToken}`, Accept: 'application/json' } }),
    identityOf: (body) => ({
      subject: subjectOf(body.id, 'Yandex ID'),
      verifiedEmail: cleanEmail(body.default_email),
      name: cleanName(body.real_name) ?? cleanName(body.display_name) ?? cleanName(body.login),
    }),
  },
}

/** Trades the code (and our PKCE verifier) for an access token at the provider's token URL. */
export const exchangeCode = async (
  name: OAuthProviderName,
  config: OAuthProviderConfig,
  { code, codeVerifier, extra }: { code: string; codeVerifier: string; extra: Record<string, string> },
): Promise<string> => {
  const body = await call(PROVIDERS[name].label, 'token exchange', config.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      code_verifier: codeVerifier,
      redirect_uri: config.callbackUrl,
      client_id: config.clientId,
      client_secret: config.clientSecret,
      ...extra,
    }),
  })
  const token = body.access_token
  if (typeof token !== 'string' || !token) throw new OAuthProviderError(`${PROVIDERS[name].label} token exchange: no access token`, 401)
  return token
}
