import type { DatabaseAdapterObj } from 'payload'

import { currentUnavailableDependency, noteUnavailableDependency } from '../observability/requestContext'
import { isDatabaseDown, reportDatabaseFailure } from './availability'
import { isDatabaseUnavailableError } from './connectionErrors'
import { DatabaseUnavailableError } from './DatabaseUnavailableError'

/** Every adapter method through which Payload's operations reach PostgreSQL. */
const DATABASE_METHODS = [
  'beginTransaction',
  'commitTransaction',
  'rollbackTransaction',
  'count',
  'countGlobalVersions',
  'countVersions',
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'find',
  'findDistinct',
  'findGlobal',
  'findGlobalVersions',
  'findOne',
  'findVersions',
  'queryDrafts',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

/** Always tried: a transaction must be given the chance to end and release its connection. */
const ENDS_TRANSACTION = new Set<string>(['commitTransaction', 'rollbackTransaction'])

type AnyMethod = (...args: unknown[]) => unknown

const translate = (error: unknown): never => {
  if (!isDatabaseUnavailableError(error)) throw error
  reportDatabaseFailure(error)
  noteUnavailableDependency('database')
  throw new DatabaseUnavailableError()
}

/**
 * Payload answers 500 (and logs a stack per request) when PostgreSQL is down, and its auth
 * strategies turn a failed session lookup into "anonymous", hence 401/403. Here an unreachable or
 * timed-out database becomes a DatabaseUnavailableError (503, not logged per request), the outage
 * monitor hears of it, and the request is marked so the server answers 503 whatever Payload did.
 */
export const withUnavailabilityErrors = (adapterObj: DatabaseAdapterObj): DatabaseAdapterObj => ({
  ...adapterObj,
  init: (args) => {
    const adapter = adapterObj.init(args)
    const methods = adapter as unknown as Record<string, AnyMethod | undefined>
    for (const name of DATABASE_METHODS) {
      const method = methods[name]
      if (typeof method !== 'function') continue
      methods[name] = function reportUnavailability(this: unknown, ...methodArgs: unknown[]) {
        // A request that already waited out one timeout (or an outage known to this process) does
        // not wait for another: it is answered 503 at once.
        if (!ENDS_TRANSACTION.has(name) && (isDatabaseDown() || currentUnavailableDependency() === 'database')) {
          noteUnavailableDependency('database')
          return Promise.reject(new DatabaseUnavailableError())
        }
        try {
          const result = method.apply(this, methodArgs)
          return result instanceof Promise ? result.catch(translate) : result
        } catch (error) {
          return translate(error)
        }
      }
    }
    return adapter
  },
})
