import { createHash, createHmac } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { verifyTelegramLogin } from '@/platform/auth/telegram/verifyTelegramLogin'

const BOT_TOKEN = '123456789:AAEabcdefghijklmnopqrstuvwxyz012345'
const NOW = 1_800_000_000_000

/** Telegram's example of a data-check-string, signed the documented way. */
const sign = (data: Record<string, string | number>, token = BOT_TOKEN) => {
  const checkString = Object.keys(data)
    .sort()
    .map((key) => `${key}=${data[key]}`)
    .join('\n')
  return createHmac('sha256', createHash('sha256').update(token).digest()).update(checkString).digest('hex')
}

const payload = (fields: Record<string, string | number> = {}): Record<string, string | number> & { hash: string } => {
  const data = { id: 42, first_name: 'Ann', username: 'ann', auth_date: NOW / 1000 - 10, ...fields }
  return { ...data, hash: sign(data) }
}

const verify = (body: Record<string, unknown>, maxAgeSeconds = 60) =>
  verifyTelegramLogin(body, { botToken: BOT_TOKEN, maxAgeSeconds, now: NOW })

describe('verifyTelegramLogin', () => {
  it('accepts a genuine payload', () => {
    expect(verify(payload())).toEqual({ id: '42', firstName: 'Ann', lastName: null, username: 'ann', authDate: NOW / 1000 - 10 })
  })

  it('the data-check-string is the sorted key=value lines: any changed, added or dropped field breaks it', () => {
    const genuine = payload({ last_name: 'Lee' })
    expect(verify({ ...genuine, first_name: 'Eve' })).toMatchObject({ status: 401, field: 'hash' })
    const { last_name: _dropped, ...withoutLastName } = genuine
    expect(verify(withoutLastName)).toMatchObject({ status: 401, field: 'hash' })
    expect(verify({ ...genuine, hash: genuine.hash.toUpperCase() })).not.toHaveProperty('status')
  })

  it('refuses a payload signed with another bot token', () => {
    const data = { id: 42, auth_date: NOW / 1000 }
    expect(verify({ ...data, hash: sign(data, '999:AAEanotherbottokenwhichisnotours0') })).toMatchObject({ status: 401, field: 'hash' })
  })

  it('refuses a stale payload and one from the far future', () => {
    expect(verify(payload({ auth_date: NOW / 1000 - 61 }))).toMatchObject({ status: 401, field: 'auth_date' })
    expect(verify(payload({ auth_date: NOW / 1000 - 59 }))).not.toHaveProperty('status')
    expect(verify(payload({ auth_date: NOW / 1000 + 3600 }))).toMatchObject({ status: 401, field: 'auth_date' })
  })

  it('names a malformed field with 400', () => {
    expect(verify({ ...payload(), hash: 'xyz' })).toMatchObject({ status: 400, field: 'hash' })
    expect(verify({ ...payload(), id: 'abc' })).toMatchObject({ status: 400, field: 'id' })
    expect(verify({ ...payload(), is_admin: true })).toMatchObject({ status: 400, field: 'is_admin' })
    expect(verify({ ...payload(), first_name: { nested: 1 } })).toMatchObject({ status: 400, field: 'first_name' })
  })
})
