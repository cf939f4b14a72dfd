import type { BaseDatabaseAdapter, DatabaseAdapterObj, PayloadRequest } from 'payload'

type Callback = () => Promise<void> | void
type TransactionId = number | string
type PendingCallbacks = Map<TransactionId, Callback[]>

const PENDING = Symbol.for('cms.afterCommit')

type AdapterWithCallbacks = BaseDatabaseAdapter & {
  [PENDING]?: PendingCallbacks
  sessions?: Record<string, unknown>
}

const runAll = async (callbacks: Callback[] | undefined): Promise<void> => {
  for (const callback of callbacks ?? []) await callback()
}

/**
 * Lets hooks run work once their transaction has committed (see runAfterCommit): Payload's hooks
 * run inside the transaction, where telling other processes "this changed" is too early — a reader
 * could fetch the old rows and cache them again before the commit.
 */
export const withAfterCommitCallbacks = (adapterObj: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapterObj,
  init: (args) => {
    const adapter = adapterObj.init(args) as AdapterWithCallbacks
    const pending: PendingCallbacks = new Map()
    adapter[PENDING] = pending
    const commit = adapter.commitTransaction
    const rollback = adapter.rollbackTransaction
    adapter.commitTransaction = async function commitThenRunCallbacks(incoming) {
      const id = await incoming
      await commit.call(this, id)
      const callbacks = pending.get(id)
      pending.delete(id)
      await runAll(callbacks)
    }
    adapter.rollbackTransaction = async function rollbackAndForgetCallbacks(incoming) {
      const id = await incoming
      pending.delete(id)
      await rollback.call(this, id)
    }
    return adapter
  },
})

/**
 * Runs `callback` after the request's transaction commits, or now when there is no open
 * transaction (or the adapter was not wrapped with withAfterCommitCallbacks). Dropped on rollback.
 */
export const runAfterCommit = async (req: PayloadRequest, callback: Callback): Promise<void> => {
  const adapter = req.payload.db as AdapterWithCallbacks
  const id = await req.transactionID
  const pending = adapter[PENDING]
  if (!pending || id === undefined || id === null || !adapter.sessions?.[String(id)]) {
    await callback()
    return
  }
  const callbacks = pending.get(id) ?? []
  callbacks.push(callback)
  pending.set(id, callbacks)
}
