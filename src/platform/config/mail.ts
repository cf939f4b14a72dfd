import { ConfigError } from './ConfigError'
import { type Env, parseBoolean, parseInteger, readVar } from './parsers'

/** How Payload's emails leave: an SMTP server, or (unset) the log. */
export type SmtpConfig =
  { url: string } | { host: string; port: number; secure: boolean; user: string | undefined; password: string | undefined }

export type MailConfig = {
  /** Unset: no transport; development logs emails, production warns once at start. */
  smtp: SmtpConfig | undefined
  /** REQUIRE_EMAIL_VERIFICATION: new accounts get a link by email and sign in only after following it. */
  requireEmailVerification: boolean
}

const readSmtpUrl = (env: Env): string | undefined => {
  const raw = readVar(env, 'SMTP_URL')
  if (raw === undefined) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new ConfigError('SMTP_URL', 'must look like smtp(s)://USER:PASS@HOST:PORT')
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new ConfigError('SMTP_URL', 'must look like smtp(s)://USER:PASS@HOST:PORT')
  }
  return raw
}

const readSmtp = (env: Env): SmtpConfig | undefined => {
  const url = readSmtpUrl(env)
  if (url) return { url }
  const host = readVar(env, 'SMTP_HOST')
  if (!host) return undefined
  const secure = parseBoolean(env, 'SMTP_SECURE', false)
  const user = readVar(env, 'SMTP_USER')
  const password = readVar(env, 'SMTP_PASSWORD')
  if (user && !password) throw new ConfigError('SMTP_PASSWORD', 'is required when SMTP_USER is set')
  return { host, port: parseInteger(env, 'SMTP_PORT', secure ? 465 : 587, { min: 1, max: 65535 }), secure, user, password }
}

export const readMailConfig = (env: Env): MailConfig => ({
  smtp: readSmtp(env),
  requireEmailVerification: parseBoolean(env, 'REQUIRE_EMAIL_VERIFICATION', false),
})
