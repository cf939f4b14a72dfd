import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionSlug, PayloadRequest } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import { itemOf } from './itemOf'
import { requestSql } from '../../database/sql'

const COUNTER_FIELD = 'favoritesCount'
const COUNTER_COLUMN = 'favorites_count'

/** The table of a countable item collection, or null (not declared, or no `favoritesCount`). */
const counterTable = (req: PayloadRequest, slug: string, counted: readonly string[]): string | null => {
  if (!counted.includes(slug)) return null
  const config = req.payload.collections[slug as CollectionSlug]?.config
  if (!config?.flattenedFields.some((field) => field.name === COUNTER_FIELD)) return null
  return typeof config.dbName === 'string' ? config.dbName : slug.replace(/-/g, '_')
}

/**
 * One atomic statement per change, in the favorite's own transaction: the item's counter moves
 * with the row that justifies it, and concurrent favorites serialise on the item's row lock
 * (an increment re-reads the latest committed value, which a recount in READ COMMITTED would not).
 */
const adjust = async (req: PayloadRequest, value: unknown, delta: 1 | -1, counted: readonly string[]) => {
  const item = itemOf(value)
  if (!item) return
  const table = counterTable(req, item.relationTo, counted)
  if (!table) return
  await requestSql(
    req,
    sql`UPDATE ${sql.identifier(table)} SET ${sql.identifier(COUNTER_COLUMN)} = GREATEST(COALESCE(${sql.identifier(COUNTER_COLUMN)}, 0) + ${delta}, 0) WHERE id = ${item.id}`,
  )
}

export const countFavoriteAdded =
  (counted: readonly string[]): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (operation === 'create') await adjust(req, doc.item, 1, counted)
    return doc
  }

export const countFavoriteRemoved =
  (counted: readonly string[]): CollectionAfterDeleteHook =>
  async ({ doc, req }) => {
    await adjust(req, doc.item, -1, counted)
    return doc
  }
