import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

/**
 * @payloadcms/drizzle 3.90.1's `deleteOne` builds invalid SQL ("missing FROM-clause entry") when
 * its `where` needs a joined table (a relationship path such as `user.value`) and no row matches:
 * Payload's own `DELETE /api/payload-preferences/:key` answered 500 for a key the caller does not
 * have. Counting first (same `where`, same transaction) lets "nothing to delete" be `null`, which
 * Payload turns into its 404. One extra COUNT per delete.
 */
export const withEmptyDeleteOne = (adapterObj: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapterObj,
  init: (args) => {
    const adapter = adapterObj.init(args) as BaseDatabaseAdapter
    const deleteOne = adapter.deleteOne
    adapter.deleteOne = async function deleteOneOrNothing(deleteArgs) {
      const { collection, req, where } = deleteArgs
      // A delete is a write: outside a transaction, count on the primary (as deleteOne reads), not
      // on a read replica that may lag (the adapter's read-after-write window, which deleteOne sets anyway).
      ;(this as { lastWriteTimestamp?: number }).lastWriteTimestamp = Date.now()
      const { totalDocs } = await this.count({ collection, locale: req?.locale ?? undefined, req, where })
      if (totalDocs === 0) return null as never
      return deleteOne.call(this, deleteArgs)
    }
    return adapter
  },
})
