import { APIError, type CollectionBeforeChangeHook, type CollectionSlug, ValidationError } from 'payload'
import { sql } from '@payloadcms/db-postgres'

import type { Favorite } from '@/payload-types'
import { itemOf } from './itemOf'
import { requestSql } from '../../database/sql'

/** A second favorite of the same item by the same user: 409, naming the field. */
export class DuplicateFavoriteError extends APIError<{ errors: { path: string; message: string }[] }> {
  constructor(message = 'This item is already among your favorites.') {
    super(message, 409, { errors: [{ path: 'item', message }] }, true)
  }
}

/**
 * Before a favorite is created: the item must exist and be readable by the user who favorites it
 * (no drafts or unpublished documents for a plain user), and the user must not have it yet.
 * The duplicate check holds a transaction-scoped advisory lock on (user, item), so two concurrent
 * adds of the same item cannot both pass it; the unique index stays as the last line.
 */
export const guardFavorite: CollectionBeforeChangeHook<Favorite> = async ({ collection, data, operation, req }) => {
  if (operation !== 'create') return data
  const item = itemOf(data.item)
  if (!item) return data // `item` is required: Payload's own validation names it.
  // Payload does not check `relationTo` against the field's list: an unknown collection would be
  // stored as a favorite with no item at all.
  const itemField = collection.flattenedFields.find((field) => field.name === 'item')
  const targets = itemField && 'relationTo' in itemField ? [itemField.relationTo].flat() : []
  if (!targets.includes(item.relationTo as CollectionSlug)) {
    throw new ValidationError(
      { collection: collection.slug, errors: [{ path: 'item', message: `${item.relationTo} cannot be favorited.` }] },
      req.t,
    )
  }
  const found = await req.payload.findByID({
    collection: item.relationTo as CollectionSlug,
    id: item.id,
    depth: 0,
    req,
    ...(req.user ? { user: req.user, overrideAccess: false } : { overrideAccess: true }),
    disableErrors: true,
  })
  if (!found) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [{ path: 'item', message: `No ${item.relationTo} with id ${String(item.id)} can be favorited.` }],
      },
      req.t,
    )
  }
  const user = data.user && typeof data.user === 'object' ? (data.user as { id: unknown }).id : data.user
  if (user === undefined || user === null || typeof data.itemKey !== 'string') return data
  const lockKey = `favorites:${String(user)}:${data.itemKey}`
  await requestSql(req, sql`SELECT pg_advisory_xact_lock(hashtext(${lockKey}))`)
  const existing = await requestSql(req, sql`SELECT 1 FROM favorites WHERE user_id = ${user} AND item_key = ${data.itemKey} LIMIT 1`)
  if (existing.length > 0) throw new DuplicateFavoriteError()
  return data
}
