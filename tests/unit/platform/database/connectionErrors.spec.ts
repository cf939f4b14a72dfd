import { describe, expect, it } from 'vitest'

import { isDatabaseUnavailableError } from '@/platform/database/connectionErrors'
import { DatabaseUnavailableError } from '@/platform/database/DatabaseUnavailableError'
import { poolTimeoutOptions } from '@/platform/database/poolTimeouts'

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code })

describe('isDatabaseUnavailableError', () => {
  it.each([
    ['refused', withCode('ECONNREFUSED')],
    ['reset', withCode('ECONNRESET')],
    ['connection exception class 08', withCode('08006')],
    ['admin shutdown', withCode('57P01')],
    ['starting up', withCode('57P03')],
    ['statement timeout', withCode('57014', 'canceling statement due to statement timeout')],
    ['pool wait timeout', new Error('timeout exceeded when trying to connect')],
    ['connect timeout', new Error('Connection terminated due to connection timeout')],
    ['dropped connection', new Error('Connection terminated unexpectedly')],
    ['client read timeout', new Error('Query read timeout')],
    [
      'a failed BEGIN rethrown without its cause',
      new Error('Error: cannot begin transaction: Connection terminated due to connection timeout'),
    ],
    ['a refused connection in a rethrown message', new Error('Error: cannot begin transaction: connect ECONNREFUSED 127.0.0.1:5432')],
    ['drizzle wrapping a refused connection', new Error('Failed query: select 1', { cause: withCode('ECONNREFUSED') })],
    // Thrown at once while the outage is known; Payload's job cron logs it every minute of an outage.
    ['our own DatabaseUnavailableError (no cause)', new DatabaseUnavailableError()],
    ['drizzle wrapping our own DatabaseUnavailableError', new Error('Failed query: select 1', { cause: new DatabaseUnavailableError() })],
  ])('says yes for %s', (_, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true)
  })

  it.each([
    ['a syntax error', withCode('42601', 'syntax error')],
    ['a unique violation', withCode('23505', 'duplicate key')],
    ['a wrapped bad query', new Error('Failed query: select', { cause: withCode('42P01', 'relation does not exist') })],
    ['a plain error', new Error('Connection pool of the cache')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('says no for %s', (_, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false)
  })

  it('survives a cause cycle', () => {
    const error = new Error('a') as Error & { cause?: unknown }
    error.cause = error
    expect(isDatabaseUnavailableError(error)).toBe(false)
  })
})

describe('poolTimeoutOptions', () => {
  it('bounds connecting, the statement on the server and the wait on the client', () => {
    expect(poolTimeoutOptions({ connectMs: 3_000, statementMs: 3_000 })).toEqual({
      connectionTimeoutMillis: 3_000,
      statement_timeout: 3_000,
      query_timeout: 4_000,
    })
  })

  it('leaves a bound of 0 out (no limit)', () => {
    expect(poolTimeoutOptions({ connectMs: 0, statementMs: 0 })).toEqual({})
  })
})
