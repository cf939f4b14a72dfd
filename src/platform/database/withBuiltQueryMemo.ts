import { AsyncLocalStorage } from 'node:async_hooks'

import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

const MAX_ENTRIES = 500
/** Longer keys (a where listing thousands of ids) are built every time: the memo stays small. */
const MAX_KEY_LENGTH = 4_096

/** Adapter methods whose one relational query is memoized (both end in @payloadcms/drizzle's findMany). */
const MEMOIZED_METHODS = ['find', 'findOne'] as const

type Prepared = { execute: () => Promise<unknown> }
type RelationalQuery = { _prepare: () => Prepared }
type FindManyConfig = { where?: unknown; limit?: unknown; offset?: unknown }
type Builder = { findMany: (config?: FindManyConfig) => unknown }
type Drizzle = {
  query: Record<string, Builder>
  dialect: { sqlToQuery: (query: never) => { sql: string; params: unknown[] } }
}
type MemoAdapter = BaseDatabaseAdapter & { drizzle: Drizzle; readReplicaOptions?: unknown[] }
/** The find being served: its arguments' key, until its one relational query has taken it. */
type FindContext = { key: string | null }

/**
 * An exact, order-sensitive key of plain data (what Payload's find arguments and drizzle's query
 * parameters are), or null for anything else (a Date, a class instance, a function): such a
 * query is built as usual. Types are part of the key (1 and '1', null and undefined differ).
 */
export const plainKeyOf = (value: unknown): string | null => {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      return Object.is(value, -0) ? 'n-0' : `n${value}`
    case 'boolean':
      return value ? 't' : 'f'
    case 'undefined':
      return 'u'
    case 'bigint':
      return `b${value}`
    case 'object': {
      if (value === null) return 'z'
      const parts: string[] = []
      if (Array.isArray(value)) {
        for (const item of value) {
          const part = plainKeyOf(item)
          if (part === null) return null
          parts.push(part)
        }
        return `[${parts.join(',')}]`
      }
      const proto = Object.getPrototypeOf(value) as unknown
      if (proto !== Object.prototype && proto !== null) return null
      for (const [name, item] of Object.entries(value)) {
        const part = plainKeyOf(item)
        if (part === null) return null
        parts.push(`${JSON.stringify(name)}:${part}`)
      }
      return `{${parts.join(',')}}`
    }
    default:
      return null
  }
}

/** A find's arguments but the request (which only chooses the transaction). */
const argsKeyOf = (method: string, args: Record<string, unknown>): string | null => {
  const parts: string[] = [method]
  for (const [name, value] of Object.entries(args)) {
    if (name === 'req') continue
    const part = plainKeyOf(value)
    if (part === null) return null
    parts.push(`${name}=${part}`)
  }
  return parts.join('&')
}

/** A lazy thenable like drizzle's own query (it runs when awaited, not when built). */
const lazyQuery = (prepared: Prepared): PromiseLike<unknown> => ({
  then: (onFulfilled, onRejected) => prepared.execute().then(onFulfilled, onRejected),
})

/**
 * Drizzle's relational query builder rebuilds the whole SQL text of a find (the lateral joins
 * for arrays, relationships and locales of every field) on every call: ~15 % of the CPU of an
 * uncached list page. This keeps the prepared query (SQL text, parameters and the row mapper)
 * of each find and runs it again for the same find. Exact, because the key holds everything the
 * query is built from:
 * - every argument of the adapter's `find`/`findOne` but the request, by value, order and type
 *   (collection, where, sort, limit, page, pagination, select, locale, drafts, joins): Payload's
 *   @payloadcms/drizzle builds the query's columns, joins, order and limit from these alone;
 * - the query's own where, limit and offset by SQL text and parameter values (the where can hold
 *   ids read from the database first, when a sort or filter goes through a join);
 * - the table the query reads.
 * Anything not plain data in any of them (a Date, a function) is built as usual. A reused query
 * reads the database as it is now: nothing is cached but the text. Only outside a transaction
 * (a transaction's queries go through its own builder, not patched) and without read replicas.
 * The find's context travels to the builder in an AsyncLocalStorage: one find runs one
 * relational query (its count and id pre-query use other builders), the first one takes the key.
 */
export const withBuiltQueryMemo = (adapterObj: DatabaseAdapterObj, { enabled }: { enabled: boolean }): DatabaseAdapterObj =>
  enabled
    ? {
        ...adapterObj,
        init: (args) => {
          const adapter = adapterObj.init(args) as MemoAdapter
          const context = new AsyncLocalStorage<FindContext>()
          const prepared = new Map<string, Prepared>()
          const patched = new WeakSet<object>()

          const patch = (drizzle: Drizzle) => {
            if (patched.has(drizzle.query)) return
            patched.add(drizzle.query)
            for (const [tableName, builder] of Object.entries(drizzle.query)) {
              const findMany = builder.findMany
              builder.findMany = function findManyMemoized(config) {
                const find = context.getStore()
                const findKey = find?.key ?? null
                if (find) find.key = null
                if (findKey === null || !config || typeof config.where === 'function') return findMany.call(this, config)
                let whereKey = 'none'
                if (config.where !== undefined) {
                  const { sql, params } = drizzle.dialect.sqlToQuery(config.where as never)
                  const paramsKey = plainKeyOf(params)
                  if (paramsKey === null) return findMany.call(this, config)
                  whereKey = `${JSON.stringify(sql)}${paramsKey}`
                }
                const limitKey = plainKeyOf([config.limit, config.offset])
                if (limitKey === null) return findMany.call(this, config)
                const key = `${tableName}|${findKey}|${whereKey}|${limitKey}`
                if (key.length > MAX_KEY_LENGTH) return findMany.call(this, config)
                let query = prepared.get(key)
                if (query) {
                  // Most recently used last: the oldest entry is the first evicted.
                  prepared.delete(key)
                } else {
                  query = (findMany.call(this, config) as RelationalQuery)._prepare()
                  if (prepared.size >= MAX_ENTRIES) prepared.delete(prepared.keys().next().value!)
                }
                prepared.set(key, query)
                return lazyQuery(query)
              }
            }
          }

          for (const method of MEMOIZED_METHODS) {
            const original = adapter[method] as (this: MemoAdapter, args: Record<string, unknown>) => Promise<unknown>
            ;(adapter as unknown as Record<string, unknown>)[method] = function memoizedFind(
              this: MemoAdapter,
              findArgs: Record<string, unknown>,
            ) {
              if (this.readReplicaOptions?.length) return original.call(this, findArgs)
              patch(this.drizzle)
              return context.run({ key: argsKeyOf(method, findArgs) }, () => original.call(this, findArgs))
            }
          }
          return adapter
        },
      }
    : adapterObj
