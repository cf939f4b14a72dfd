import type { CollectionBeforeDeleteHook } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { requestSql } from '@/platform/database/sql'

/**
 * Before an anime leaves the catalog, its rows in lists, in viewing history and in favorites go,
 * in the same transaction. The generated schema declares `lists_items.anime_id` and `views.anime_id` NOT NULL
 * with `ON DELETE SET NULL` foreign keys, so without this the anime's DELETE itself fails.
 * (dropMissingItems still hides any slot that lost its anime some other way.) Favorites would only
 * lose their relationship row (cascade) and linger with an empty `item`.
 */
export const detachDeletedAnime: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await requestSql(req, sql`DELETE FROM lists_items WHERE anime_id = ${id}`)
  await requestSql(req, sql`DELETE FROM views WHERE anime_id = ${id}`)
  await requestSql(req, sql`DELETE FROM favorites WHERE item_key = ${`anime:${String(id)}`}`)
}
