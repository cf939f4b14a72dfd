import { ConfigError } from './ConfigError'
import { type Env, parseBoolean, parseHttpUrl, parseInteger, readVar } from './parsers'

export type GoogleConfig = {
  clientId: string
  clientSecret: string
  callbackUrl: string
  authorizationUrl: string
  tokenUrl: string
  userProfileUrl: string
}

/** An OAuth 2.0 provider signed in to with the authorization code flow, PKCE (S256) and `state`. */
export type OAuthProviderConfig = {
  clientId: string
  clientSecret: string
  callbackUrl: string
  authorizationUrl: string
  tokenUrl: string
  userInfoUrl: string
  scope: string
}

export type TelegramLoginConfig = {
  botToken: string
  /** A widget payload older than this (its `auth_date`) is refused. */
  maxAgeSeconds: number
}

export type RateLimitRule = { points: number; durationSeconds: number }

export type IdentityConfig = {
  /** Failed logins before an account is locked, and for how long. */
  maxLoginAttempts: number
  lockMinutes: number
  rateLimits: {
    /** Requests per client IP to the sign-in endpoints. */
    perIp: RateLimitRule
    /** Failed sign-ins per account (email); a successful sign-in or a password reset clears it. */
    perAccount: RateLimitRule
    /** Forgot-password requests per email, and per client IP (counted apart from sign-ins). */
    resetPerEmail: RateLimitRule
    resetPerIp: RateLimitRule
  }
  /** Trust the first X-Forwarded-For hop as the client IP (only behind a proxy you run). */
  trustProxy: boolean
  emailFrom: { address: string; name: string }
  /** Set when GOOGLE_CLIENT_ID is set; otherwise the Google routes answer 404. */
  google: GoogleConfig | undefined
  /** Set when VK_CLIENT_ID / YANDEX_CLIENT_ID is set; otherwise their routes answer 404. */
  vk: OAuthProviderConfig | undefined
  yandex: OAuthProviderConfig | undefined
  /** Set when TELEGRAM_BOT_TOKEN is set (and TELEGRAM_LOGIN_ENABLED is not false). */
  telegram: TelegramLoginConfig | undefined
}

type ProviderDefaults = { authorizationUrl: string; tokenUrl: string; userInfoUrl: string; scope: string }

const readOAuthProvider = (
  env: Env,
  prefix: 'VK' | 'YANDEX',
  path: string,
  defaults: ProviderDefaults,
  serverUrl: string,
): OAuthProviderConfig | undefined => {
  const clientId = readVar(env, `${prefix}_CLIENT_ID`)
  if (!clientId) return undefined
  const clientSecret = readVar(env, `${prefix}_CLIENT_SECRET`)
  if (!clientSecret) throw new ConfigError(`${prefix}_CLIENT_SECRET`, `is required when ${prefix}_CLIENT_ID is set`)
  return {
    clientId,
    clientSecret,
    callbackUrl: parseHttpUrl(env, `${prefix}_CALLBACK_URL`, `${serverUrl}/api/auth/${path}/callback`) as string,
    authorizationUrl: parseHttpUrl(env, `${prefix}_AUTHORIZATION_URL`, defaults.authorizationUrl) as string,
    tokenUrl: parseHttpUrl(env, `${prefix}_TOKEN_URL`, defaults.tokenUrl) as string,
    userInfoUrl: parseHttpUrl(env, `${prefix}_USERINFO_URL`, defaults.userInfoUrl) as string,
    scope: readVar(env, `${prefix}_SCOPE`) ?? defaults.scope,
  }
}

const readTelegramLogin = (env: Env): TelegramLoginConfig | undefined => {
  const botToken = readVar(env, 'TELEGRAM_BOT_TOKEN')
  if (!botToken || !parseBoolean(env, 'TELEGRAM_LOGIN_ENABLED', true)) return undefined
  if (!/^\d{1,20}:[A-Za-z0-9_-]{20,100}$/.test(botToken)) {
    throw new ConfigError('TELEGRAM_BOT_TOKEN', 'must look like 123456789:AAE... (the token @BotFather gave)')
  }
  return { botToken, maxAgeSeconds: parseInteger(env, 'TELEGRAM_LOGIN_MAX_AGE_SECONDS', 86_400, { min: 10, max: 30 * 86_400 }) }
}

const readGoogle = (env: Env, serverUrl: string): GoogleConfig | undefined => {
  const clientId = readVar(env, 'GOOGLE_CLIENT_ID')
  if (!clientId) return undefined
  const clientSecret = readVar(env, 'GOOGLE_CLIENT_SECRET')
  if (!clientSecret) throw new ConfigError('GOOGLE_CLIENT_SECRET', 'is required when GOOGLE_CLIENT_ID is set')
  return {
    clientId,
    clientSecret,
    callbackUrl: parseHttpUrl(env, 'GOOGLE_CALLBACK_URL', `${serverUrl}/api/auth/google/callback`) as string,
    authorizationUrl: parseHttpUrl(env, 'GOOGLE_AUTHORIZATION_URL', 'https://accounts.google.com/o/oauth2/v2/auth') as string,
    tokenUrl: parseHttpUrl(env, 'GOOGLE_TOKEN_URL', 'https://oauth2.googleapis.com/token') as string,
    userProfileUrl: parseHttpUrl(env, 'GOOGLE_USER_PROFILE_URL', 'https://www.googleapis.com/oauth2/v3/userinfo') as string,
  }
}

export const readIdentityConfig = (env: Env, serverUrl: string): IdentityConfig => ({
  maxLoginAttempts: parseInteger(env, 'LOGIN_MAX_ATTEMPTS', 5, { min: 1, max: 1000 }),
  lockMinutes: parseInteger(env, 'LOGIN_LOCK_MINUTES', 10, { min: 1, max: 60 * 24 * 30 }),
  rateLimits: {
    perIp: {
      points: parseInteger(env, 'RATE_LIMIT_AUTH_PER_IP', 30, { min: 1, max: 1_000_000 }),
      durationSeconds: parseInteger(env, 'RATE_LIMIT_AUTH_PER_IP_WINDOW_SECONDS', 60, { min: 1, max: 86_400 }),
    },
    perAccount: {
      points: parseInteger(env, 'RATE_LIMIT_AUTH_PER_ACCOUNT', 10, { min: 1, max: 1_000_000 }),
      durationSeconds: parseInteger(env, 'RATE_LIMIT_AUTH_PER_ACCOUNT_WINDOW_SECONDS', 900, { min: 1, max: 86_400 }),
    },
    resetPerEmail: {
      points: parseInteger(env, 'RATE_LIMIT_RESET_PER_EMAIL', 5, { min: 1, max: 1_000_000 }),
      durationSeconds: parseInteger(env, 'RATE_LIMIT_RESET_PER_EMAIL_WINDOW_SECONDS', 3600, { min: 1, max: 86_400 }),
    },
    resetPerIp: {
      points: parseInteger(env, 'RATE_LIMIT_RESET_PER_IP', 20, { min: 1, max: 1_000_000 }),
      durationSeconds: parseInteger(env, 'RATE_LIMIT_RESET_PER_IP_WINDOW_SECONDS', 3600, { min: 1, max: 86_400 }),
    },
  },
  trustProxy: parseBoolean(env, 'TRUST_PROXY', false),
  emailFrom: {
    address: readVar(env, 'EMAIL_FROM_ADDRESS') ?? 'no-reply@localhost',
    name: readVar(env, 'EMAIL_FROM_NAME') ?? 'Kitsu & FrankenJet',
  },
  google: readGoogle(env, serverUrl),
  vk: readOAuthProvider(
    env,
    'VK',
    'vk',
    {
      authorizationUrl: 'https://id.vk.com/authorize',
      tokenUrl: 'https://id.vk.com/oauth2/auth',
      userInfoUrl: 'https://id.vk.com/oauth2/user_info',
      scope: 'email',
    },
    serverUrl,
  ),
  yandex: readOAuthProvider(
    env,
    'YANDEX',
    'yandex',
    {
      authorizationUrl: 'https://oauth.yandex.ru/authorize',
      tokenUrl: 'https://oauth.yandex.ru/token',
      userInfoUrl: 'https://login.yandex.ru/info?format=json',
      scope: 'login:email login:info',
    },
    serverUrl,
  ),
  telegram: readTelegramLogin(env),
})
