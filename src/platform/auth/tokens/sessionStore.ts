import type { SqlQuery } from '../../database/sql'
import type { AccessTokenSubject } from './accessToken'

/**
 * The session data the token endpoints, the auth strategy, the HTTP gate in server.ts and the
 * WebSocket server share. Plain SQL over one pool: these run on every authenticated request, and
 * rotation must be a single atomic statement.
 *
 * Two tables agree about a session: Payload's `users_sessions` (the admin panel and
 * `logout?allSessions=true` use it) and our `auth_sessions` (device details and refresh token).
 */
/** How often `lastUsedAt` is written at most: a write per request would be waste. */
const LAST_USED_RESOLUTION_SECONDS = 60

/** Whether a session is live, and whether its user is staff (they read drafts: never served from a shared cache). */
export type SessionStatus = { active: boolean; staff: boolean }

/** Does the session's user hold a staff role (admin, editor, moderator)? One EXISTS, in the same round trip. */
const STAFF_OF_USER = `EXISTS (SELECT 1 FROM users_roles r WHERE r.parent_id = $2 AND r.value IN ('admin', 'editor', 'moderator'))`

/** A token-endpoint session's status; notes its use (at most once a minute). */
export const tokenSessionStatus = async (query: SqlQuery, { userId, sid }: AccessTokenSubject): Promise<SessionStatus> => {
  const rows = await query<{ active: boolean; staff: boolean }>(
    `WITH live AS (
       SELECT a.sid FROM auth_sessions a
       JOIN users_sessions s ON s.id = a.sid AND s._parent_id = a.user_id
       WHERE a.sid = $1 AND a.user_id = $2 AND a.refresh_expires_at > now()
     ), touched AS (
       UPDATE auth_sessions SET last_used_at = now()
       WHERE sid IN (SELECT sid FROM live)
         AND (last_used_at IS NULL OR last_used_at < now() - make_interval(secs => $3))
       RETURNING 1
     )
     SELECT EXISTS (SELECT 1 FROM live) AS active, ${STAFF_OF_USER} AS staff`,
    [sid, userId, LAST_USED_RESOLUTION_SECONDS],
  )
  return { active: Boolean(rows[0]?.active), staff: Boolean(rows[0]?.staff) }
}

/** True when a token-endpoint session is live; notes its use (at most once a minute). */
export const isTokenSessionActive = async (query: SqlQuery, subject: AccessTokenSubject): Promise<boolean> =>
  (await tokenSessionStatus(query, subject)).active

/** The status of a session made by Payload's own login (admin panel, /api/users/login). */
export const payloadSessionStatus = async (query: SqlQuery, { userId, sid }: AccessTokenSubject): Promise<SessionStatus> => {
  const rows = await query<{ active: boolean; staff: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM users_sessions WHERE id = $1 AND _parent_id = $2 AND expires_at > now()) AS active, ${STAFF_OF_USER} AS staff`,
    [sid, userId],
  )
  return { active: Boolean(rows[0]?.active), staff: Boolean(rows[0]?.staff) }
}

/** True when a session made by Payload's own login (admin panel, /api/users/login) is live. */
export const isPayloadSessionActive = async (query: SqlQuery, subject: AccessTokenSubject): Promise<boolean> =>
  (await payloadSessionStatus(query, subject)).active

/** Records device details and the first refresh token of a session Payload has just created. */
export const recordTokenSession = async (
  query: SqlQuery,
  session: {
    sid: string
    userId: string | number
    userAgent: string | null
    ip: string | null
    refreshTokenHash: string
    refreshExpiresAt: Date
  },
): Promise<void> => {
  await query(
    `INSERT INTO auth_sessions (sid, user_id, user_agent, ip, last_used_at, refresh_token_hash, spent_refresh_hashes, refresh_expires_at, updated_at, created_at)
     VALUES ($1, $2, $3, $4, now(), $5, '[]'::jsonb, $6, now(), now())`,
    [session.sid, session.userId, session.userAgent, session.ip, session.refreshTokenHash, session.refreshExpiresAt],
  )
  // Payload gave the session an access-token lifetime; it lives as long as its refresh token.
  await query(`UPDATE users_sessions SET expires_at = $2 WHERE id = $1`, [session.sid, session.refreshExpiresAt])
}

export type RotationResult =
  | { outcome: 'rotated'; userId: string }
  /** The token was valid once and has been spent: somebody replayed it. */
  | { outcome: 'reused'; userId: string }
  | { outcome: 'invalid' }

/**
 * Spends a refresh token and stores its successor in one statement, so two concurrent refreshes
 * with the same token cannot both win.
 */
export const rotateRefreshToken = async (
  query: SqlQuery,
  { sid, presentedHash, nextHash, nextExpiresAt }: { sid: string; presentedHash: string; nextHash: string; nextExpiresAt: Date },
): Promise<RotationResult> => {
  const rotated = await query<{ user_id: number }>(
    `UPDATE auth_sessions a
        SET refresh_token_hash = $3,
            spent_refresh_hashes = a.spent_refresh_hashes || to_jsonb($2::text),
            refresh_expires_at = $4,
            last_used_at = now(),
            updated_at = now()
      WHERE a.sid = $1 AND a.refresh_token_hash = $2 AND a.refresh_expires_at > now()
        AND EXISTS (SELECT 1 FROM users_sessions s WHERE s.id = a.sid AND s._parent_id = a.user_id)
      RETURNING a.user_id`,
    [sid, presentedHash, nextHash, nextExpiresAt],
  )
  if (rotated[0]) {
    await query(`UPDATE users_sessions SET expires_at = $2 WHERE id = $1`, [sid, nextExpiresAt])
    return { outcome: 'rotated', userId: String(rotated[0].user_id) }
  }
  const spent = await query<{ user_id: number }>(`SELECT user_id FROM auth_sessions WHERE sid = $1 AND spent_refresh_hashes ? $2`, [
    sid,
    presentedHash,
  ])
  return spent[0] ? { outcome: 'reused', userId: String(spent[0].user_id) } : { outcome: 'invalid' }
}

/** Revokes some sessions of a user (or all when `sids` is omitted); returns the ids revoked. */
export const revokeSessions = async (
  query: SqlQuery,
  { userId, sids }: { userId: string | number; sids?: string[] },
): Promise<string[]> => {
  const filter = sids ? `AND id = ANY($2::varchar[])` : ''
  const params = sids ? [userId, sids] : [userId]
  const removed = await query<{ id: string }>(`DELETE FROM users_sessions WHERE _parent_id = $1 ${filter} RETURNING id`, params)
  const removedDetails = await query<{ sid: string }>(
    `DELETE FROM auth_sessions WHERE user_id = $1 ${sids ? 'AND sid = ANY($2::varchar[])' : ''} RETURNING sid`,
    params,
  )
  return [...new Set([...removed.map((row) => row.id), ...removedDetails.map((row) => row.sid)])]
}

export type SessionListing = {
  id: string
  createdAt: string
  lastUsedAt: string | null
  userAgent: string | null
  ip: string | null
}

/** The live sessions of a user, newest first: token sessions with device details, admin-panel sessions without. */
export const listSessions = async (query: SqlQuery, userId: string | number): Promise<SessionListing[]> => {
  const rows = await query<{
    id: string
    created_at: Date | null
    last_used_at: Date | null
    user_agent: string | null
    ip: string | null
  }>(
    `SELECT s.id, COALESCE(a.created_at, s.created_at) AS created_at, a.last_used_at, a.user_agent, a.ip
       FROM users_sessions s
       LEFT JOIN auth_sessions a ON a.sid = s.id AND a.user_id = s._parent_id
      WHERE s._parent_id = $1 AND s.expires_at > now()
      ORDER BY COALESCE(a.created_at, s.created_at) DESC NULLS LAST`,
    [userId],
  )
  return rows.map((row) => ({
    id: row.id,
    createdAt: (row.created_at ?? new Date(0)).toISOString(),
    lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
    userAgent: row.user_agent,
    ip: row.ip,
  }))
}
