import jwt from 'jsonwebtoken'

import type { BearerVerdict } from './bearerGate'

export type TokenJudge = (token: string | undefined) => Promise<BearerVerdict>

type ValidVerdict = Extract<BearerVerdict, { outcome: 'valid' }>

/** Which sessions ended: every session of the user, or only those listed. */
export type EndedSessions = { userId: string; sessionIds?: readonly string[] }

type Entry = { verdict: ValidVerdict; expiresAt: number }

export type SessionVerdictCache = {
  /** The token judge with the cache in front of it: same answers, at most `ttlMs` old. */
  judge: TokenJudge
  /** Drops the verdicts of these sessions at once; verdicts being looked up meanwhile are not kept. */
  forget: (ended: EndedSessions) => void
  /** Drops every verdict (events may have been missed: the Redis link came back). */
  clear: () => void
  size: () => number
}

export const DEFAULT_MAX_VERDICTS = 10_000

/**
 * A session that ended may still look live to a lookup for a moment: some enders publish their
 * event inside the transaction that removes the session (Payload's logout hook, account deletion),
 * and another instance may hear it before that commits. For this long after a user's sessions
 * ended, that user's verdicts are looked up but not kept.
 */
const MIN_FENCE_MS = 5_000

/** The token's `exp` in epoch milliseconds, if it has one (the signature was verified by the judge). */
const expiryOf = (token: string): number | undefined => {
  const claims = jwt.decode(token, { json: true })
  return typeof claims?.exp === 'number' ? claims.exp * 1000 : undefined
}

/**
 * Remembers, for `ttlMs` at most, that a token is valid (signature, expiry, live session) and
 * whether its user is staff, so that a signed-in reader's request costs no database round trip.
 * Keyed by the token itself: a remembered verdict is only ever given for the very string whose
 * signature was verified, and never past the token's own `exp`. Only valid verdicts are kept: a
 * bad token is judged afresh each time.
 *
 * Exactness: the sessions that end (logout, logout-all, revoke, refresh reuse, password reset,
 * account deletion) are forgotten at once through `forget`, fed by the session events
 * (forgetEndedSessions). A verdict whose lookup started before a user's sessions ended, or within
 * the fence after it (MIN_FENCE_MS, at least ttlMs), is returned to its caller but not kept, so
 * that a lookup racing the revocation cannot bring the session back. When an event cannot reach
 * this instance at all (its Redis link is down), `ttlMs` bounds how long a revoked token is still
 * taken here; the session itself is gone, so Payload treats the token as anonymous meanwhile.
 *
 * Roles: the staff flag is remembered too, and a role change publishes no session event. That is
 * safe both ways for `ttlMs`: a user promoted to staff but still remembered as a reader is served
 * what an anonymous caller gets (less than they may see, never more); a staff member demoted but
 * still remembered as staff has their reads go to Payload, which reads the user's roles itself on
 * every request (and their responses are never shared: the response cache keeps nothing for staff).
 *
 * Memory: at most `maxEntries` verdicts (the oldest goes first), each for a token string.
 */
export const createSessionVerdictCache = ({
  judge,
  ttlMs,
  maxEntries = DEFAULT_MAX_VERDICTS,
  now = () => performance.now(),
  wallClock = () => Date.now(),
}: {
  judge: TokenJudge
  /** 0: nothing is remembered, every request is judged afresh. */
  ttlMs: number
  maxEntries?: number
  /** A monotonic clock in ms (tests may drive it). */
  now?: () => number
  /** Epoch ms, to compare with the token's `exp`. */
  wallClock?: () => number
}): SessionVerdictCache => {
  const entries = new Map<string, Entry>()
  /** Lookups under way, so that concurrent requests with one token share one query. */
  const pending = new Map<string, { generation: number; verdict: Promise<BearerVerdict> }>()
  /** Per user: until when (monotonic ms) lookups that start are not kept. */
  const fences = new Map<string, number>()
  const fenceMs = Math.max(MIN_FENCE_MS, ttlMs)
  /** Bumped by every forget/clear: a lookup that started before it is not kept, nor joined. */
  let generation = 0

  const keep = (token: string, verdict: ValidVerdict, startedAt: number) => {
    const fencedUntil = fences.get(verdict.subject.userId)
    if (fencedUntil !== undefined && startedAt < fencedUntil) return
    const at = now()
    const exp = expiryOf(token)
    const expiresAt = Math.min(at + ttlMs, exp === undefined ? Infinity : at + (exp - wallClock()))
    if (expiresAt <= at) return
    entries.delete(token)
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string)
    entries.set(token, { verdict, expiresAt })
  }

  const lookUp = (token: string): Promise<BearerVerdict> => {
    const started = { generation, at: now() }
    const verdict = judge(token).then((result) => {
      if (pending.get(token)?.verdict === verdict) pending.delete(token)
      if (result.outcome === 'valid' && started.generation === generation) keep(token, result, started.at)
      return result
    })
    pending.set(token, { generation, verdict })
    // A failed lookup (database away) is the caller's to handle; it leaves nothing behind.
    verdict.catch(() => {
      if (pending.get(token)?.verdict === verdict) pending.delete(token)
    })
    return verdict
  }

  const cachedJudge: TokenJudge = (token) => {
    if (!token || ttlMs <= 0) return judge(token)
    const entry = entries.get(token)
    if (entry) {
      if (entry.expiresAt > now()) return Promise.resolve(entry.verdict)
      entries.delete(token)
    }
    const inFlight = pending.get(token)
    if (inFlight && inFlight.generation === generation) return inFlight.verdict
    return lookUp(token)
  }

  const forget = ({ userId, sessionIds }: EndedSessions) => {
    generation++
    pending.clear()
    const at = now()
    for (const [user, until] of fences) if (until <= at) fences.delete(user)
    fences.set(userId, at + fenceMs)
    for (const [token, { verdict }] of entries) {
      if (verdict.subject.userId === userId && (!sessionIds || sessionIds.includes(verdict.subject.sid))) entries.delete(token)
    }
  }

  const clear = () => {
    generation++
    pending.clear()
    entries.clear()
  }

  return { judge: cachedJudge, forget, clear, size: () => entries.size }
}
