import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAuthClient, freshClientIp, registerUser } from '../../../helpers/authClient'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'
import { REDIS_URL } from '../../../helpers/redis'

/**
 * Rate limits that protect an account without locking its owner out: only failed sign-ins count
 * per account, password reset has budgets of its own, and a completed reset lifts the lockout.
 * Small limits (env) keep it fast; unique accounts and IPs keep the shared Redis clean of clashes.
 */
let ctx: PayloadInt
const run = Date.now().toString(36)
const account = (name: string) => `${name}-${run}@example.com`
const PASSWORD = 'right-password'

beforeAll(async () => {
  ctx = await initPayloadInt('lockout', {
    REDIS_URL,
    LOGIN_MAX_ATTEMPTS: '3',
    LOGIN_LOCK_MINUTES: '10',
    RATE_LIMIT_AUTH_PER_IP: '1000',
    RATE_LIMIT_AUTH_PER_ACCOUNT: '4',
    RATE_LIMIT_AUTH_PER_ACCOUNT_WINDOW_SECONDS: '900',
    RATE_LIMIT_RESET_PER_EMAIL: '3',
    RATE_LIMIT_RESET_PER_EMAIL_WINDOW_SECONDS: '3600',
    RATE_LIMIT_RESET_PER_IP: '5',
    RATE_LIMIT_RESET_PER_IP_WINDOW_SECONDS: '3600',
  })
})

afterAll(async () => {
  await ctx?.cleanup()
})

const post = (path: string, body: unknown, ip = freshClientIp()) =>
  ctx.rest.post(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-cms-client-ip': ip },
    body: JSON.stringify(body),
  })
const signIn = (email: string, password: string, ip = freshClientIp()) => createAuthClient(ctx.rest, ip).login({ email, password })
const forgot = (email: string, ip = freshClientIp()) => post('/users/forgot-password', { email }, ip)

const pool = () => (ctx.payload.db as unknown as { pool: Pool }).pool
const resetTokenOf = async (email: string): Promise<string> => {
  const { rows } = await pool().query(`SELECT reset_password_token FROM users WHERE email = $1`, [email])
  return rows[0].reset_password_token as string
}
const lockState = async (email: string) => {
  const { rows } = await pool().query(`SELECT login_attempts, lock_until FROM users WHERE email = $1`, [email])
  return rows[0] as { login_attempts: number; lock_until: Date | null }
}

describe('successful sign-ins never lock the owner out', () => {
  it('signs in many more times than the per-account limit, then still signs in and can ask for a reset', async () => {
    const email = account('busy')
    await registerUser(createAuthClient(ctx.rest), email, PASSWORD)
    // The limit is 4 per account: ten devices signing in is not an attack.
    for (let attempt = 1; attempt <= 7; attempt += 1) {
      expect((await signIn(email, PASSWORD)).status, `sign-in ${attempt}`).toBe(200)
    }
    expect((await post('/users/login', { email, password: PASSWORD })).status).toBe(200)
    expect((await forgot(email)).status).toBe(200)
    expect((await signIn(email, PASSWORD)).status).toBe(200)
  })

  it('clears the failure count on success: failures only lock when they come in a row', async () => {
    const email = account('typo')
    await registerUser(createAuthClient(ctx.rest), email, PASSWORD)
    for (let round = 1; round <= 3; round += 1) {
      expect((await signIn(email, 'wrong-password')).status).toBe(401)
      expect((await signIn(email, 'wrong-password')).status).toBe(401)
      expect((await signIn(email, PASSWORD)).status, `round ${round}`).toBe(200)
    }
  })
})

describe('failed sign-ins lock; a password reset stays available and lifts the lock', () => {
  it('locks after failed sign-ins, lets the owner reset, and signs in with the new password', async () => {
    const email = account('target')
    await registerUser(createAuthClient(ctx.rest), email, PASSWORD)
    const statuses: number[] = []
    for (let attempt = 1; attempt <= 5; attempt += 1) statuses.push((await signIn(email, 'guess-guess')).status)
    // Payload locks after 3 (401 with "locked" on its route, 423 on ours); the per-account limit answers 429 past 4.
    expect(statuses.slice(0, 2)).toEqual([401, 401])
    expect(statuses[4]).toBe(429)
    expect((await lockState(email)).lock_until).not.toBeNull()
    const locked = await signIn(email, PASSWORD)
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)

    // The owner can still ask for a reset.
    const forgotten = await forgot(email)
    expect(forgotten.status, await forgotten.clone().text()).toBe(200)
    const reset = await post('/users/reset-password', { token: await resetTokenOf(email), password: 'brand-new-password' })
    expect(reset.status, await reset.clone().text()).toBe(200)

    // Both locks are lifted: Payload's own and the per-account limit.
    const state = await lockState(email)
    expect(Number(state.login_attempts)).toBe(0)
    expect(state.lock_until).toBeNull()
    expect((await signIn(email, 'brand-new-password')).status).toBe(200)
  })
})

describe('password reset has limits of its own', () => {
  it('answers 429 with Retry-After past the per-email limit, from any address', async () => {
    const email = account('spammed')
    await registerUser(createAuthClient(ctx.rest), email, PASSWORD)
    for (let attempt = 1; attempt <= 3; attempt += 1) expect((await forgot(email)).status).toBe(200)
    const limited = await forgot(email)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
    // Sign-in is not affected by reset requests.
    expect((await signIn(email, PASSWORD)).status).toBe(200)
  })

  it('answers 429 past the per-IP limit, for any email', async () => {
    const ip = freshClientIp()
    for (let attempt = 1; attempt <= 5; attempt += 1) expect((await forgot(account(`nobody${attempt}`), ip)).status).toBe(200)
    const limited = await forgot(account('nobody6'), ip)
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect((await forgot(account('nobody6'))).status).toBe(200)
  })
})
