import { Redis } from 'ioredis'
import type { Pool } from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createAuthClient, freshClientIp, registerUser } from '../../../helpers/authClient'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'
import { REDIS_URL } from '../../../helpers/redis'

let ctx: PayloadInt
// Rate-limit counters outlive a run in the shared Redis: every run uses accounts of its own.
const run = Date.now().toString(36)
const account = (name: string) => `${name}-${run}@example.com`
let redis: Redis

beforeAll(async () => {
  ctx = await initPayloadInt('abuse', {
    REDIS_URL,
    LOGIN_MAX_ATTEMPTS: '5',
    LOGIN_LOCK_MINUTES: '10',
    RATE_LIMIT_AUTH_PER_IP: '5',
    RATE_LIMIT_AUTH_PER_IP_WINDOW_SECONDS: '60',
    RATE_LIMIT_AUTH_PER_ACCOUNT: '8',
    RATE_LIMIT_AUTH_PER_ACCOUNT_WINDOW_SECONDS: '900',
  })
  redis = new Redis(REDIS_URL)
})

afterAll(async () => {
  redis?.disconnect()
  await ctx?.cleanup()
})

const loginFrom = (ip: string, email: string, password: string) => createAuthClient(ctx.rest, ip).login({ email, password })

const payloadLoginFrom = (ip: string, email: string, password: string) =>
  ctx.rest.post('/users/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-cms-client-ip': ip },
    body: JSON.stringify({ email, password }),
  })

const lockState = async (email: string) => {
  const pool = (ctx.payload.db as unknown as { pool: Pool }).pool
  const { rows } = await pool.query(`SELECT login_attempts, lock_until FROM users WHERE email = $1`, [email])
  return rows[0] as { login_attempts: number; lock_until: Date | null }
}

describe('lockout (Payload’s, on every login path)', () => {
  it('locks the account after 5 wrong passwords: the 6th attempt is refused even with the right password', async () => {
    await registerUser(createAuthClient(ctx.rest), account('locked'), 'right-password')
    // Each attempt from its own address, as a distributed guesser would: the IP limit never trips.
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const response = await loginFrom(freshClientIp(), account('locked'), 'wrong-password')
      expect(response.status).toBe(401)
    }
    const state = await lockState(account('locked'))
    expect(state.lock_until).not.toBeNull()
    const minutes = (new Date(state.lock_until!).getTime() - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(9)
    expect(minutes).toBeLessThanOrEqual(10)

    const sixth = await loginFrom(freshClientIp(), account('locked'), 'right-password')
    expect(sixth.status).toBe(423)
    // Payload's own route and the admin panel's login see the same lock.
    const viaPayload = await payloadLoginFrom(freshClientIp(), account('locked'), 'right-password')
    expect(viaPayload.status).toBe(401)
    expect(JSON.stringify(await viaPayload.json())).toMatch(/locked/i)
  })

  it('counts failures on Payload’s /api/users/login towards the same lock', async () => {
    await registerUser(createAuthClient(ctx.rest), account('locked2'), 'right-password')
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await payloadLoginFrom(freshClientIp(), account('locked2'), 'wrong-password')).status).toBe(401)
    }
    expect((await loginFrom(freshClientIp(), account('locked2'), 'right-password')).status).toBe(423)
  })
})

describe('rate limits in Redis', () => {
  it('answers 429 with Retry-After past the per-IP limit, on /api/auth/* and /api/users/*', async () => {
    const ip = freshClientIp()
    const statuses: number[] = []
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      statuses.push((await loginFrom(ip, account(`nobody${attempt}`), 'whatever-password')).status)
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401])

    const limited = await loginFrom(ip, account('nobody6'), 'whatever-password')
    expect(limited.status).toBe(429)
    const retryAfter = Number(limited.headers.get('Retry-After'))
    expect(limited.headers.get('Retry-After')).toMatch(/^\d+$/)
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)

    // The counter lives in Redis, so every app instance sees it.
    expect(Number(await redis.get(`rl:auth:ip:${ip}`))).toBeGreaterThanOrEqual(6)

    // Payload's own login route shares the budget. (Forgot-password has budgets of its own, so a
    // locked-out owner can still reset: accountLockout.int.spec.ts.)
    for (const path of ['/users/login']) {
      const response = await ctx.rest.post(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-cms-client-ip': ip },
        body: JSON.stringify({ email: account('nobody'), password: 'whatever-password' }),
      })
      expect(response.status, path).toBe(429)
      expect(Number(response.headers.get('Retry-After')), path).toBeGreaterThanOrEqual(1)
    }
    const register = await createAuthClient(ctx.rest, ip).register({ email: account('fresh'), password: 'long-enough', name: 'F' })
    expect(register.status).toBe(429)
    expect((await ctx.payload.count({ collection: 'users', where: { email: { equals: account('fresh') } } })).totalDocs).toBe(0)

    // Another address is not affected.
    expect((await loginFrom(freshClientIp(), account('nobody'), 'whatever-password')).status).toBe(401)
  })

  it('limits attempts per account across addresses', async () => {
    const email = account('target')
    const statuses: number[] = []
    for (let attempt = 1; attempt <= 9; attempt += 1) {
      statuses.push((await loginFrom(freshClientIp(), email, 'guess-guess-guess')).status)
    }
    expect(statuses.slice(0, 8)).toEqual(Array(8).fill(401))
    expect(statuses[8]).toBe(429)
  })
})
