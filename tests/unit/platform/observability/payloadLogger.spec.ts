import pino from 'pino'
import { describe, expect, it } from 'vitest'

import { DatabaseUnavailableError } from '@/platform/database/DatabaseUnavailableError'
import { payloadLoggerOptions } from '@/platform/observability/logger'

const capture = () => {
  const lines: Array<Record<string, unknown>> = []
  const logger = pino(payloadLoggerOptions('info'), { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) })
  return { logger, lines }
}

describe("Payload's logger", () => {
  it('does not log an unreachable database per occurrence (the availability monitor logs the outage once)', () => {
    const { logger, lines } = capture()
    const timeout = new Error('Connection terminated due to connection timeout')
    logger.error({ err: timeout, msg: `Error: cannot begin transaction: ${timeout.message}` })
    expect(lines).toEqual([])
  })

  it("does not log Payload's job cron failing on a known outage (our DatabaseUnavailableError, every minute)", () => {
    const { logger, lines } = capture()
    logger.error({ err: new DatabaseUnavailableError(), msg: 'Error in job queue cron job handler' })
    expect(lines).toEqual([])
  })

  it('logs every other error, and warnings about the database, as before', () => {
    const { logger, lines } = capture()
    logger.error({ err: Object.assign(new Error('relation "anime" does not exist'), { code: '42P01' }) })
    logger.warn({ err: new Error('Connection terminated unexpectedly') }, 'idle database connection failed')
    expect(lines.map((line) => line.level)).toEqual([50, 40])
  })
})
