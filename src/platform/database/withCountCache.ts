import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'
import { sql } from '@payloadcms/db-postgres'

/** Tables with a change stamp (migrations/20261202_201723_count_change_stamps.ts). */
export const STAMPED_TABLES: ReadonlySet<string> = new Set(['anime'])
/** Columns whose updates do not move the stamp (the server-kept counters): counts filtered on them are never cached. */
const UNSTAMPED_COLUMNS = ['"view_count"', '"favorites_count"']
const MAX_ENTRIES = 1_000

type SQL = ReturnType<typeof sql>

type CountArgs = { column?: unknown; db: unknown; joins: unknown[]; tableName: string; where?: SQL }
type Drizzle = {
  dialect: { sqlToQuery: (query: SQL) => { sql: string; params: unknown[] } }
  execute: (query: SQL) => Promise<{ rows: Record<string, unknown>[] }>
}
type CountingAdapter = BaseDatabaseAdapter & {
  countDistinct: (args: CountArgs) => Promise<number>
  drizzle: Drizzle
}

/**
 * The cache key of a count that may be cached, or null: one stamped table, no join, no subquery,
 * no filter on a column whose changes leave the stamp alone. Anything else is counted every time.
 */
const cacheKeyOf = (drizzle: Drizzle, { column, joins, tableName, where }: CountArgs): string | null => {
  if (!STAMPED_TABLES.has(tableName) || joins.length > 0 || column !== undefined) return null
  if (!where) return `${tableName}|`
  const { sql: text, params } = drizzle.dialect.sqlToQuery(where)
  if (/\bselect\b/i.test(text) || UNSTAMPED_COLUMNS.some((name) => text.includes(name))) return null
  // Every qualified column must be the table's own (a where on a relation would name another table).
  for (const [, qualifier] of text.matchAll(/"([^"]+)"\s*\./g)) if (qualifier !== tableName) return null
  return `${tableName}|${text}|${JSON.stringify(params)}`
}

/**
 * Payload's `find` counts every list page for `totalDocs` (`count(*)`: ~10 ms of PostgreSQL over
 * 100k anime, 30 ms on a busy machine, every request). This keeps each count with the table's
 * change stamp read just before it, and serves it again while the stamp has not moved: one
 * primary-key read instead of the count, and exact, because
 * - the stamp moves in the writer's transaction on every change that can change a count (a
 *   trigger), so a reader sees a new stamp exactly when it sees the change;
 * - the stamp is read before the count, so a cached count is never older than its stamp;
 * - stamps are never reused (a sequence), so a rolled-back change cannot alias a later one;
 * - only outside a transaction (a transaction's own uncommitted writes move its own stamp) and
 *   only without read replicas (stamp and count could come from replicas at different points).
 * Per process; nothing is shared, so there is nothing to invalidate across instances.
 */
export const withCountCache = (adapterObj: DatabaseAdapterObj, { enabled }: { enabled: boolean }): DatabaseAdapterObj =>
  enabled
    ? {
        ...adapterObj,
        init: (args) => {
          const adapter = adapterObj.init(args) as CountingAdapter
          const countDistinct = adapter.countDistinct
          const counts = new Map<string, { stamp: string; count: number }>()
          adapter.countDistinct = async function countDistinctWithStampCache(countArgs) {
            const replicated = Boolean((this as { readReplicaOptions?: unknown[] }).readReplicaOptions?.length)
            const key = countArgs.db === this.drizzle && !replicated ? cacheKeyOf(this.drizzle, countArgs) : null
            if (key === null) return countDistinct.call(this, countArgs)
            const { rows } = await this.drizzle.execute(
              sql`SELECT stamp::text AS stamp FROM table_change_stamps WHERE table_name = ${countArgs.tableName}`,
            )
            const stamp = rows[0]?.stamp
            if (typeof stamp !== 'string') return countDistinct.call(this, countArgs)
            const cached = counts.get(key)
            if (cached?.stamp === stamp) return cached.count
            const count = await countDistinct.call(this, countArgs)
            if (counts.size >= MAX_ENTRIES) counts.delete(counts.keys().next().value!)
            counts.set(key, { stamp, count })
            return count
          }
          return adapter
        },
      }
    : adapterObj
