import type { PoolClient } from 'pg'

import type { EventMessage } from '../eventMessage'

export type OutboxRow = { id: number; attempts: number; message: EventMessage }

/**
 * Claims up to `limit` due rows for this transaction. SKIP LOCKED: rows another relay holds are
 * passed over, so several instances publish disjoint rows; the locks end with the transaction,
 * so a relay that dies mid-batch frees its rows at once.
 */
export const claimDueRows = async (client: PoolClient, limit: number): Promise<OutboxRow[]> => {
  const { rows } = await client.query<{ id: number; attempts: string | null; message: EventMessage }>(
    `SELECT id, attempts, message FROM event_outbox
      WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
      ORDER BY id
      LIMIT $1
      FOR UPDATE SKIP LOCKED`,
    [limit],
  )
  return rows.map((row) => ({ id: row.id, attempts: Number(row.attempts ?? 0), message: row.message }))
}

export const markSent = async (client: PoolClient, ids: number[]): Promise<void> => {
  if (ids.length === 0) return
  await client.query(
    `UPDATE event_outbox SET sent_at = now(), attempts = COALESCE(attempts, 0) + 1, last_error = NULL, updated_at = now()
      WHERE id = ANY($1::int[])`,
    [ids],
  )
}

/** A row the broker refused (nack) waits longer after each attempt, up to `maxDelayMs`. */
export const markFailed = async (client: PoolClient, failures: { id: number; attempts: number; error: string }[], maxDelayMs: number) => {
  for (const { id, attempts, error } of failures) {
    const delayMs = Math.min(maxDelayMs, 1000 * 2 ** Math.min(attempts, 20))
    await client.query(
      `UPDATE event_outbox
          SET attempts = COALESCE(attempts, 0) + 1, last_error = $2,
              next_attempt_at = now() + make_interval(secs => $3::double precision / 1000), updated_at = now()
        WHERE id = $1`,
      [id, error.slice(0, 1000), delayMs],
    )
  }
}

export const deleteSentBefore = async (client: Pick<PoolClient, 'query'>, hours: number): Promise<number> => {
  const { rowCount } = await client.query(`DELETE FROM event_outbox WHERE sent_at < now() - make_interval(hours => $1)`, [hours])
  return rowCount ?? 0
}
