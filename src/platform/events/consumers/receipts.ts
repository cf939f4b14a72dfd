import type { Pool, PoolClient } from 'pg'

/**
 * The message ids a consumer has handled (table `event_receipts`). The receipt is written in a
 * transaction that commits only after the handler succeeded, and a concurrent redelivery of the
 * same id waits on that row: a message is handled once, however often it is delivered.
 */
export type ReceiptStore = {
  /** Runs `handle` unless `messageId` was handled before; returns false for a duplicate. */
  once: (consumer: string, messageId: string, handle: () => Promise<void>) => Promise<boolean>
  /** Forgets receipts older than `hours` (the deduplication window). */
  prune: (consumer: string, hours: number) => Promise<number>
}

export const postgresReceipts = (pool: Pool): ReceiptStore => ({
  once: async (consumer, messageId, handle) => {
    const client: PoolClient = await pool.connect()
    try {
      await client.query('BEGIN')
      const inserted = await client.query(
        `INSERT INTO event_receipts (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
        [consumer, messageId],
      )
      if (inserted.rowCount === 0) {
        await client.query('COMMIT')
        return false
      }
      await handle()
      await client.query('COMMIT')
      return true
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  },
  prune: async (consumer, hours) => {
    const { rowCount } = await pool.query(
      `DELETE FROM event_receipts WHERE consumer = $1 AND received_at < now() - make_interval(hours => $2)`,
      [consumer, hours],
    )
    return rowCount ?? 0
  },
})
