import type { Pool, QueryConfig } from 'pg'

/** A slow count must not hang a metrics scrape. */
const COUNT_TIMEOUT_MS = 2_000

/** Events recorded and not yet confirmed by the broker: the outbox backlog. */
export const countUnsentEvents = async (pool: Pool): Promise<number> => {
  // node-postgres honours a per-query `query_timeout` though its types omit it.
  const query: QueryConfig & { query_timeout: number } = {
    text: 'SELECT count(*) AS count FROM event_outbox WHERE sent_at IS NULL',
    query_timeout: COUNT_TIMEOUT_MS,
  }
  const { rows } = await pool.query<{ count: string }>(query)
  return Number(rows[0]?.count ?? 0)
}
