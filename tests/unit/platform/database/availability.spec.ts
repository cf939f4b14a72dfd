import { afterEach, describe, expect, it, vi } from 'vitest'

import { isDatabaseDown, monitorDatabaseAvailability, reportDatabaseFailure } from '@/platform/database/availability'

const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
const settle = () => new Promise((resolve) => setTimeout(resolve, 30))

const logger = () => ({ warn: vi.fn(), info: vi.fn() })

let stop: (() => void) | undefined
afterEach(() => stop?.())

describe('database availability monitor', () => {
  it('turns down only when a probe confirms a reported outage, logs once, and turns up when a probe succeeds', async () => {
    let reachable = false
    const probe = vi.fn(async () => {
      if (!reachable) throw refused
    })
    const log = logger()
    stop = monitorDatabaseAvailability({ probe, logger: log, intervalMs: 20 }).stop

    reportDatabaseFailure(new Error('syntax error at or near "selec"'))
    await settle()
    expect(probe).not.toHaveBeenCalled()
    expect(isDatabaseDown()).toBe(false)

    reportDatabaseFailure(refused)
    reportDatabaseFailure(refused)
    await settle()
    expect(isDatabaseDown()).toBe(true)
    for (let i = 0; i < 5; i += 1) reportDatabaseFailure(refused)
    await settle()
    expect(log.warn).toHaveBeenCalledTimes(1)

    reachable = true
    await vi.waitFor(() => expect(isDatabaseDown()).toBe(false))
    expect(log.info).toHaveBeenCalledTimes(1)
    expect(log.info.mock.calls[0]?.[1]).toBe('database reachable again')
  })

  it('stays up when the probe answers (one dropped connection is no outage)', async () => {
    const log = logger()
    stop = monitorDatabaseAvailability({ probe: async () => undefined, logger: log, intervalMs: 20 }).stop
    reportDatabaseFailure(refused)
    await settle()
    expect(isDatabaseDown()).toBe(false)
    expect(log.warn).not.toHaveBeenCalled()
  })

  it('logs the driver\'s message, not drizzle\'s "Failed query" wrapper with the SQL and its parameters', async () => {
    const log = logger()
    let reachable = false
    stop = monitorDatabaseAvailability({
      probe: async () => {
        if (!reachable) throw refused
      },
      logger: log,
      intervalMs: 20,
    }).stop
    const wrapped = new Error('Failed query: select "users"."email" from "users" where "users"."id" = $1\nparams: 42', {
      cause: Object.assign(new Error('Connection terminated unexpectedly'), { code: undefined }),
    })
    reportDatabaseFailure(wrapped)
    await vi.waitFor(() => expect(isDatabaseDown()).toBe(true))
    expect(log.warn).toHaveBeenCalledTimes(1)
    expect(log.warn.mock.calls[0]?.[0]).toEqual({ reason: 'Connection terminated unexpectedly' })
    reachable = true
    await vi.waitFor(() => expect(isDatabaseDown()).toBe(false))
  })
})
