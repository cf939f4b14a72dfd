import { GraphQLError } from 'graphql'
import { Writable } from 'node:stream'
import { APIError, Forbidden, NotFound, ValidationError } from 'payload'
import pino from 'pino'
import { describe, expect, it } from 'vitest'

import { TooManyRequestsError } from '@/platform/auth/rateLimit/TooManyRequestsError'
import { DatabaseUnavailableError } from '@/platform/database/DatabaseUnavailableError'
import { jsonLoggerOptions, payloadLoggerOptions } from '@/platform/observability/logger'
import { httpStatusOfError, refusalLogLevel } from '@/platform/observability/refusalLogLevel'

type Line = { level: number; msg?: string; err?: { stack?: string }; error?: { status?: number } }

/** The app's JSON logger, writing into an array. */
const capture = () => {
  const lines: Line[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Line)
      done()
    },
  })
  return { lines, logger: pino({ ...jsonLoggerOptions('test'), level: 'info' }, stream) }
}

// As in the production bundle, where class names are minified.
class o extends APIError {
  constructor() {
    super('Nope', 403)
  }
}

describe('httpStatusOfError and refusalLogLevel', () => {
  it('maps errors by HTTP status, not by class name', () => {
    expect(httpStatusOfError(new Forbidden())).toBe(403)
    expect(httpStatusOfError(new o())).toBe(403)
    expect(httpStatusOfError(new GraphQLError('denied', { originalError: new NotFound() }))).toBe(404)
    expect(httpStatusOfError(new GraphQLError('Syntax Error: Unexpected <EOF>'))).toBe(400)
    expect(httpStatusOfError(new GraphQLError('boom', { originalError: new Error('boom') }))).toBe(500)
    expect(httpStatusOfError(new Error('boom'))).toBeUndefined()

    expect(refusalLogLevel(new ValidationError({ errors: [{ path: 'x', message: 'bad' }] }))).toBe('info')
    expect(refusalLogLevel(new TooManyRequestsError(5))).toBe('warn')
    expect(refusalLogLevel(new APIError('conflict', 409))).toBe('info')
    expect(refusalLogLevel(new APIError('broken', 500))).toBeUndefined()
    expect(refusalLogLevel(new Error('boom'))).toBeUndefined()
  })
})

describe('the JSON logger', () => {
  it('writes a refusal logged as an error at info, with its status and without a stack', () => {
    const { lines, logger } = capture()
    logger.error({ err: new o() })
    logger.error({ err: new GraphQLError('denied', { originalError: new Forbidden() }) })
    logger.error({ err: new TooManyRequestsError(3) })
    expect(lines.map((line) => line.level)).toEqual([30, 30, 40])
    expect(lines.map((line) => line.err)).toEqual([undefined, undefined, undefined])
    expect(lines.map((line) => line.error?.status)).toEqual([403, 403, 429])
    expect(lines[0].msg).toBe('Nope')
  })

  it('still writes an unexpected failure at error level with its stack', () => {
    const { lines, logger } = capture()
    logger.error({ err: new Error('database on fire') })
    logger.error({ err: new APIError('Something broke', 500) })
    logger.error({ err: new GraphQLError('boom', { originalError: new TypeError('x is undefined') }) })
    logger.error('plain message')
    expect(lines.map((line) => line.level)).toEqual([50, 50, 50, 50])
    expect(lines[0].err?.stack).toContain('database on fire')
    expect(lines[1].err?.stack).toBeTruthy()
  })
})

describe("Payload's logger", () => {
  it('applies the same mapping, and still drops an outage wrapped in a GraphQL error (logged once elsewhere)', () => {
    const lines: Line[] = []
    const logger = pino(payloadLoggerOptions('info'), { write: (line: string) => lines.push(JSON.parse(line) as Line) })
    logger.error({ err: new GraphQLError('down', { originalError: new DatabaseUnavailableError() }) })
    logger.error({ err: new o() })
    logger.error({ err: new Error('boom') })
    expect(lines.map((line) => line.level)).toEqual([30, 50])
  })
})
