import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readEventsConfig } from '@/platform/config/events'
import { startEventRelay } from '@/platform/events/relay'
import { createLogger } from '@/platform/observability/logger'
import { createAuthClient, registerUser, type AuthClient } from '../../../helpers/authClient'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

/**
 * Auth events land in the outbox with the change that causes them: user.registered,
 * session.revoked (logout, revoke, refresh reuse, password reset), user.logged_out_all and
 * user.deleted. (Publishing the outbox is the relay's job, tested in contentEvents and relayOutage.)
 */

let int: PayloadInt
let auth: AuthClient
let sql: pg.Pool

beforeAll(async () => {
  int = await initPayloadInt('events_auth', { RATE_LIMIT_AUTH_PER_IP: '1000', RATE_LIMIT_AUTH_PER_ACCOUNT: '1000' })
  auth = createAuthClient(int.rest)
  sql = new pg.Pool({ connectionString: int.database.url, max: 2 })
})

afterAll(async () => {
  await sql?.end()
  await int?.cleanup()
})

type Row = { type: string; message: { collection: string; docId: string; actor: unknown; data: Record<string, unknown> } }

const eventsOf = async (userId: number): Promise<Row[]> =>
  (
    await sql.query<Row>(
      `SELECT type, message FROM event_outbox WHERE message->>'collection' = 'users' AND message->>'docId' = $1 ORDER BY id`,
      [String(userId)],
    )
  ).rows

describe('auth events', () => {
  it('register, logout, revoke, logout-all: one outbox row each, no secrets', async () => {
    const first = await registerUser(auth, 'events-auth@example.com', 'correct-horse-battery', 'Ann')
    const userId = first.user.id
    const second = (await (
      await auth.login({ email: 'events-auth@example.com', password: 'correct-horse-battery' })
    ).json()) as typeof first
    const third = (await (await auth.login({ email: 'events-auth@example.com', password: 'correct-horse-battery' })).json()) as typeof first

    expect((await auth.logout(first.accessToken)).status).toBe(204)
    const sessions = (await (await auth.sessions(second.accessToken)).json()) as { id: string; current: boolean }[]
    const other = sessions.find((session) => !session.current)
    expect((await auth.revokeSession(second.accessToken, other!.id)).status).toBe(204)
    expect((await auth.logoutAll(second.accessToken)).status).toBe(204)
    void third

    const rows = await eventsOf(userId)
    expect(rows.map((row) => row.type)).toEqual(['user.registered', 'session.revoked', 'session.revoked', 'user.logged_out_all'])
    expect(rows.map((row) => row.message.data.reason)).toEqual([undefined, 'logout', 'session-revoked', 'logout-all'])
    expect(rows[1].message.actor).toEqual({ collection: 'users', id: String(userId) })
    const text = JSON.stringify(rows)
    expect(text).not.toContain('events-auth@example.com')
    expect(text).not.toContain(other!.id)
    expect(text).not.toContain(first.refreshToken)
  })

  it('a replayed refresh token revokes the session: session.revoked (refresh-reuse)', async () => {
    const pair = await registerUser(auth, 'events-reuse@example.com')
    expect((await auth.refresh(pair.refreshToken)).status).toBe(200)
    expect((await auth.refresh(pair.refreshToken)).status).toBe(401)
    const rows = await eventsOf(pair.user.id)
    expect(rows.map((row) => [row.type, row.message.data.reason])).toEqual([
      ['user.registered', undefined],
      ['session.revoked', 'refresh-reuse'],
    ])
  })

  it("Payload's own logout?allSessions=true and a password reset", async () => {
    const pair = await registerUser(auth, 'events-payload@example.com')
    const token = await int.rest.login('events-payload@example.com', 'correct-horse-battery')
    const response = await int.rest.post('/users/logout?allSessions=true', {
      method: 'POST',
      token,
      headers: { 'x-cms-client-ip': 'events-test' },
    })
    expect(response.status).toBe(200)
    const resetToken = await int.payload.forgotPassword({
      collection: 'users',
      data: { email: 'events-payload@example.com' },
      disableEmail: true,
    })
    await int.payload.resetPassword({
      collection: 'users',
      data: { token: resetToken, password: 'another-long-password' },
      overrideAccess: true,
    })
    const rows = await eventsOf(pair.user.id)
    expect(rows.map((row) => [row.type, row.message.data.reason])).toEqual([
      ['user.registered', undefined],
      ['user.logged_out_all', 'logout-all'],
      ['session.revoked', 'password-reset'],
    ])
  })

  it('deleting an account records user.deleted with it', async () => {
    const pair = await registerUser(auth, 'events-gone@example.com')
    await int.payload.delete({ collection: 'users', id: pair.user.id })
    const rows = await eventsOf(pair.user.id)
    expect(rows.map((row) => row.type)).toEqual(['user.registered', 'user.deleted'])
  })

  it('without RABBITMQ_URL the relay publishes nothing and the events wait in the outbox', async () => {
    const relay = startEventRelay({ databaseUrl: int.database.url, events: readEventsConfig({}), logger: createLogger('test-relay') })
    expect(await relay.runOnce()).toBe(0)
    await relay.stop()
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM event_outbox WHERE sent_at IS NULL`)
    expect(rows[0].n).toBeGreaterThan(0)
  })
})
