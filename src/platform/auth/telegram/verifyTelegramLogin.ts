import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

export type TelegramLogin = { id: string; firstName: string | null; lastName: string | null; username: string | null; authDate: number }

export type TelegramProblem = { status: 400 | 401; field: string; message: string }

/** The fields the login widget sends; anything else is not part of a genuine payload. */
const FIELDS = new Set(['id', 'first_name', 'last_name', 'username', 'photo_url', 'auth_date', 'hash'])

/** A clock a little ahead of Telegram's must not refuse a fresh login. */
const CLOCK_SKEW_SECONDS = 60

/**
 * Checks a Telegram Login Widget payload as Telegram specifies: the `hash` is the hex
 * HMAC-SHA256 of the data-check-string (every other field as `key=value`, sorted, joined by
 * newlines) keyed by SHA-256 of the bot token; and `auth_date` is at most `maxAgeSeconds` old.
 */
export const verifyTelegramLogin = (
  body: Record<string, unknown>,
  { botToken, maxAgeSeconds, now = Date.now() }: { botToken: string; maxAgeSeconds: number; now?: number },
): TelegramLogin | TelegramProblem => {
  const values: Record<string, string> = {}
  for (const [key, value] of Object.entries(body)) {
    if (!FIELDS.has(key)) return { status: 400, field: key, message: `${key} is not a field of the Telegram login widget` }
    if (typeof value === 'number' && Number.isFinite(value)) values[key] = String(value)
    else if (typeof value === 'string' && value.length <= 1024) values[key] = value
    else return { status: 400, field: key, message: `${key} must be a string or a number` }
  }
  if (!values.id || !/^\d{1,20}$/.test(values.id)) return { status: 400, field: 'id', message: 'id (the Telegram user id) is required' }
  if (!values.auth_date || !/^\d{1,12}$/.test(values.auth_date))
    return { status: 400, field: 'auth_date', message: 'auth_date is required' }
  if (!values.hash || !/^[0-9a-f]{64}$/i.test(values.hash)) return { status: 400, field: 'hash', message: 'hash must be 64 hex characters' }

  const dataCheckString = Object.keys(values)
    .filter((key) => key !== 'hash')
    .sort()
    .map((key) => `${key}=${values[key]}`)
    .join('\n')
  const secretKey = createHash('sha256').update(botToken).digest()
  const expected = createHmac('sha256', secretKey).update(dataCheckString).digest()
  const given = Buffer.from(values.hash, 'hex')
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { status: 401, field: 'hash', message: 'The Telegram login data is not signed by Telegram for this bot.' }
  }
  const authDate = Number(values.auth_date)
  const age = Math.floor(now / 1000) - authDate
  if (age > maxAgeSeconds || age < -CLOCK_SKEW_SECONDS) {
    return { status: 401, field: 'auth_date', message: 'The Telegram login data has expired: sign in with Telegram again.' }
  }
  return {
    id: values.id,
    firstName: values.first_name ?? null,
    lastName: values.last_name ?? null,
    username: values.username ?? null,
    authDate,
  }
}
