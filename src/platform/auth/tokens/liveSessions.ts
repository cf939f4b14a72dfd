import type { SqlQuery } from '../../database/sql'

/**
 * The ids among `sessions` whose session still exists for its user (a revocation deletes the
 * `users_sessions` row). One query for every socket an instance holds.
 */
export const findLiveSessions = async (query: SqlQuery, sessions: { userId: string; sid: string }[]): Promise<Set<string>> => {
  if (sessions.length === 0) return new Set()
  const rows = await query<{ id: string }>(
    `SELECT s.id FROM users_sessions s
     JOIN unnest($1::text[], $2::text[]) AS wanted(sid, user_id) ON s.id = wanted.sid AND s._parent_id::text = wanted.user_id`,
    [sessions.map(({ sid }) => sid), sessions.map(({ userId }) => userId)],
  )
  return new Set(rows.map(({ id }) => String(id)))
}
