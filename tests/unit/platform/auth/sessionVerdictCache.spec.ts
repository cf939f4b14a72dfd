import jwt from 'jsonwebtoken'
import { describe, expect, it } from 'vitest'

import type { BearerVerdict } from '@/platform/auth'
import { createSessionVerdictCache } from '@/platform/auth/sessionVerdictCache'

/** A token whose payload names the user and session (the judge below trusts it; the cache reads `exp`). */
const tokenFor = (userId: string, sid: string, expInSeconds = 3_600) =>
  jwt.sign({ sid, exp: Math.floor(Date.now() / 1000) + expInSeconds }, 'unit-test-secret', { subject: userId })

/** A judge that counts its calls, answers from `live` (sid -> staff), and can be held until released. */
const fakeJudge = (live: Map<string, boolean>) => {
  const calls: string[] = []
  let hold: Promise<void> | undefined
  let release = () => {}
  const judge = async (token: string | undefined): Promise<BearerVerdict> => {
    if (!token) return { outcome: 'anonymous' }
    calls.push(token)
    const { sub, sid } = jwt.decode(token) as { sub: string; sid: string }
    // What the database says when asked, even if the answer only comes back later.
    const staff = live.get(sid)
    if (hold) await hold
    return staff === undefined ? { outcome: 'invalid' } : { outcome: 'valid', subject: { userId: sub, sid }, staff }
  }
  return {
    judge,
    calls,
    holdNext: () => {
      hold = new Promise((resolve) => (release = resolve))
    },
    release: () => {
      hold = undefined
      release()
    },
  }
}

const clock = () => {
  let ms = 1_000
  return { now: () => ms, advance: (by: number) => (ms += by) }
}

describe('the session-verdict cache', () => {
  it('answers a valid token from memory within the TTL, then asks again', async () => {
    const time = clock()
    const db = fakeJudge(new Map([['s1', false]]))
    const cache = createSessionVerdictCache({ judge: db.judge, ttlMs: 2_000, now: time.now })
    const token = tokenFor('7', 's1')
    expect(await cache.judge(token)).toMatchObject({ outcome: 'valid', staff: false })
    expect(await cache.judge(token)).toMatchObject({ outcome: 'valid', staff: false })
    expect(db.calls).toHaveLength(1)
    time.advance(2_001)
    await cache.judge(token)
    expect(db.calls).toHaveLength(2)
  })

  it('never remembers an invalid verdict, nor anything with TTL 0', async () => {
    const db = fakeJudge(new Map())
    const cache = createSessionVerdictCache({ judge: db.judge, ttlMs: 2_000 })
    const token = tokenFor('7', 'gone')
    expect(await cache.judge(token)).toEqual({ outcome: 'invalid' })
    expect(await cache.judge(token)).toEqual({ outcome: 'invalid' })
    expect(db.calls).toHaveLength(2)

    const live = fakeJudge(new Map([['s1', false]]))
    const off = createSessionVerdictCache({ judge: live.judge, ttlMs: 0 })
    await off.judge(tokenFor('7', 's1'))
    await off.judge(tokenFor('7', 's1'))
    expect(live.calls).toHaveLength(2)
    expect(off.size()).toBe(0)
  })

  it("never remembers a verdict past the token's own expiry", async () => {
    const db = fakeJudge(new Map([['s1', false]]))
    let wall = Date.now()
    const cache = createSessionVerdictCache({ judge: db.judge, ttlMs: 60_000, wallClock: () => wall })
    const token = tokenFor('7', 's1', 2)
    await cache.judge(token)
    expect(cache.size()).toBe(1)
    // The monotonic clock is real here: the entry ends with the token, about 2 s from now.
    wall += 5_000
    const soon = createSessionVerdictCache({ judge: db.judge, ttlMs: 60_000, wallClock: () => wall })
    await soon.judge(token)
    expect(soon.size()).toBe(0)
  })

  it('forgets the ended sessions of a user at once, and only those', async () => {
    const live = new Map([
      ['a1', false],
      ['a2', false],
      ['b1', true],
    ])
    const db = fakeJudge(live)
    const cache = createSessionVerdictCache({ judge: db.judge, ttlMs: 60_000 })
    const [a1, a2, b1] = [tokenFor('1', 'a1'), tokenFor('1', 'a2'), tokenFor('2', 'b1')]
    for (const token of [a1, a2, b1]) await cache.judge(token)
    expect(cache.size()).toBe(3)

    live.delete('a1')
    cache.forget({ userId: '1', sessionIds: ['a1'] })
    expect(await cache.judge(a1)).toEqual({ outcome: 'invalid' })
    expect(await cache.judge(b1)).toMatchObject({ outcome: 'valid', staff: true })
    expect(db.calls.filter((token) => token === b1)).toHaveLength(1)

    live.delete('a2')
    cache.forget({ userId: '1' })
    expect(await cache.judge(a2)).toEqual({ outcome: 'invalid' })
  })

  it('does not keep a lookup that raced a revocation, nor let a later request join it', async () => {
    const live = new Map([['s1', false]])
    const db = fakeJudge(live)
    const cache = createSessionVerdictCache({ judge: db.judge, ttlMs: 60_000 })
    const token = tokenFor('1', 's1')
    db.holdNext()
    // Asked before the logout: the database still says live, the answer comes back after it.
    const racing = cache.judge(token)
    live.delete('s1')
    cache.forget({ userId: '1', sessionIds: ['s1'] })
    const afterLogout = cache.judge(token)
    db.release()
    expect(await racing).toMatchObject({ outcome: 'valid' })
    expect(await afterLogout).toEqual({ outcome: 'invalid' })
    expect(await cache.judge(token)).toEqual({ outcome: 'invalid' })
    expect(cache.size()).toBe(0)
  })

  it("keeps nothing of a user for a while after their sessions ended (an ender's transaction may commit later)", async () => {
    const time = clock()
    const live = new Map([['s2', false]])
    const db = fakeJudge(live)
    const cache = createSessionVerdictCache({ judge: db.judge, ttlMs: 1_000, now: time.now })
    cache.forget({ userId: '1', sessionIds: ['s1'] })
    const other = tokenFor('1', 's2')
    await cache.judge(other)
    expect(cache.size()).toBe(0)
    time.advance(5_001)
    await cache.judge(other)
    expect(cache.size()).toBe(1)
  })

  it('shares one lookup among concurrent requests with the same token', async () => {
    const db = fakeJudge(new Map([['s1', false]]))
    const cache = createSessionVerdictCache({ judge: db.judge, ttlMs: 60_000 })
    const token = tokenFor('1', 's1')
    db.holdNext()
    const answers = Promise.all([cache.judge(token), cache.judge(token), cache.judge(token)])
    db.release()
    expect((await answers).map((verdict) => verdict.outcome)).toEqual(['valid', 'valid', 'valid'])
    expect(db.calls).toHaveLength(1)
  })

  it('holds at most maxEntries verdicts, dropping the oldest', async () => {
    const live = new Map(Array.from({ length: 5 }, (_, i) => [`s${i}`, false] as [string, boolean]))
    const db = fakeJudge(live)
    const cache = createSessionVerdictCache({ judge: db.judge, ttlMs: 60_000, maxEntries: 3 })
    const tokens = Array.from({ length: 5 }, (_, i) => tokenFor(String(i), `s${i}`))
    for (const token of tokens) await cache.judge(token)
    expect(cache.size()).toBe(3)
    await cache.judge(tokens[4])
    await cache.judge(tokens[0])
    expect(db.calls.filter((token) => token === tokens[4])).toHaveLength(1)
    expect(db.calls.filter((token) => token === tokens[0])).toHaveLength(2)
  })

  it('forgets everything on clear (events may have been missed)', async () => {
    const db = fakeJudge(new Map([['s1', false]]))
    const cache = createSessionVerdictCache({ judge: db.judge, ttlMs: 60_000 })
    await cache.judge(tokenFor('1', 's1'))
    cache.clear()
    expect(cache.size()).toBe(0)
  })
})
