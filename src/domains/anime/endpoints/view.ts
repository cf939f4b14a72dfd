import { type Endpoint, NotFound, type PayloadRequest, ValidationError } from 'payload'
import type { PoolClient } from 'pg'

import { payloadPool, withTransaction } from '@/platform/database/sql'
import { viewDocumentation } from './documentation'

/** Repeated views of one anime by one signed-in user within this window count once. */
export const VIEW_DEDUPE_MINUTES = 30

type ViewInput = { episode: number | null; progressSeconds: number | null }

const invalid = (req: PayloadRequest, path: string, message: string) =>
  new ValidationError({ collection: 'anime', errors: [{ path, message }] }, req.t)

const readInput = async (req: PayloadRequest): Promise<ViewInput> => {
  let body: unknown = {}
  const text = typeof req.text === 'function' ? await req.text() : ''
  if (text.trim()) {
    try {
      body = JSON.parse(text)
    } catch {
      throw invalid(req, 'body', 'The body must be a JSON object.')
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid(req, 'body', 'The body must be a JSON object.')
  const record = body as Record<string, unknown>
  const number = (path: string, integer: boolean): number | null => {
    const value = record[path]
    if (value === undefined || value === null) return null
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalid(req, path, `${path} must be a number.`)
    if (value < 0) throw invalid(req, path, `${path} must not be negative.`)
    if (integer && !Number.isInteger(value)) throw invalid(req, path, `${path} must be a whole number.`)
    if (value > 1_000_000_000) throw invalid(req, path, `${path} is too large.`)
    return value
  }
  return { episode: number('episode', true), progressSeconds: number('progressSeconds', false) }
}

/**
 * A signed-in user's history row for the anime: inserted, or refreshed. The first statement only
 * touches the row when its last view is older than the window (ON CONFLICT re-checks the condition
 * on the latest row version under its lock), so "did this view count" is decided atomically.
 */
const recordHistory = async (client: PoolClient, userId: number | string, animeId: number, input: ViewInput): Promise<boolean> => {
  const counted = await client.query(
    `INSERT INTO views (user_id, anime_id, episode, progress_seconds, last_viewed_at)
     VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (user_id, anime_id) DO UPDATE SET
       episode = COALESCE(EXCLUDED.episode, views.episode),
       progress_seconds = COALESCE(EXCLUDED.progress_seconds, views.progress_seconds),
       last_viewed_at = EXCLUDED.last_viewed_at,
       updated_at = now()
     WHERE views.last_viewed_at <= now() - make_interval(mins => $5)
     RETURNING id`,
    [userId, animeId, input.episode, input.progressSeconds, VIEW_DEDUPE_MINUTES],
  )
  if (counted.rowCount) return true
  await client.query(
    `UPDATE views SET
       episode = COALESCE($3, episode),
       progress_seconds = COALESCE($4, progress_seconds),
       last_viewed_at = now(),
       updated_at = now()
     WHERE user_id = $1 AND anime_id = $2`,
    [userId, animeId, input.episode, input.progressSeconds],
  )
  return false
}

/**
 * POST /api/anime/:id/view {episode?, progressSeconds?}: counts a view of a published anime
 * (`viewCount`, an atomic increment) and, for a signed-in user, records their history (`views`).
 * A user's own repeated views within VIEW_DEDUPE_MINUTES count once.
 */
export const viewEndpoint: Endpoint = {
  path: '/:id/view',
  method: 'post',
  custom: { openapi: viewDocumentation },
  handler: async (req) => {
    const rawId = String(req.routeParams?.id ?? '')
    const animeId = /^[1-9]\d{0,9}$/.test(rawId) ? Number(rawId) : NaN
    if (!Number.isSafeInteger(animeId) || animeId > 2_147_483_647) throw new NotFound(req.t)
    const input = await readInput(req)
    const pool = payloadPool(req.payload)
    const user = req.user && req.user.collection === 'users' ? req.user : null

    if (!user) {
      const { rows } = await pool.query<{ view_count: string }>(
        `UPDATE anime SET view_count = COALESCE(view_count, 0) + 1 WHERE id = $1 AND _status = 'published' RETURNING view_count`,
        [animeId],
      )
      if (!rows[0]) throw new NotFound(req.t)
      return Response.json({ counted: true, viewCount: Number(rows[0].view_count) })
    }

    const { counted, viewCount, history } = await withTransaction(pool, async (client) => {
      // KEY SHARE: the anime cannot be deleted under us; counters stay writable by others.
      const published = await client.query(`SELECT 1 FROM anime WHERE id = $1 AND _status = 'published' FOR KEY SHARE`, [animeId])
      if (!published.rowCount) throw new NotFound(req.t)
      const counted = await recordHistory(client, user.id, animeId, input)
      const { rows } = counted
        ? await client.query<{ view_count: string }>(
            `UPDATE anime SET view_count = COALESCE(view_count, 0) + 1 WHERE id = $1 RETURNING view_count`,
            [animeId],
          )
        : await client.query<{ view_count: string }>(`SELECT view_count FROM anime WHERE id = $1`, [animeId])
      const history = await client.query<{ id: number; episode: string | null; progress_seconds: string | null; last_viewed_at: Date }>(
        `SELECT id, episode, progress_seconds, last_viewed_at FROM views WHERE user_id = $1 AND anime_id = $2`,
        [user.id, animeId],
      )
      return { counted, viewCount: rows[0]?.view_count, history }
    })
    const row = history.rows[0]
    return Response.json({
      counted,
      viewCount: Number(viewCount ?? 0),
      view: row && {
        id: row.id,
        anime: animeId,
        episode: row.episode === null ? null : Number(row.episode),
        progressSeconds: row.progress_seconds === null ? null : Number(row.progress_seconds),
        lastViewedAt: new Date(row.last_viewed_at).toISOString(),
      },
    })
  },
}
