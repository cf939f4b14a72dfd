import { describe, expect, it } from 'vitest'

import { runServerUntilExit, TEST_SECRET } from '../../helpers/serverProcess'

/** Every case would otherwise be valid: a reachable-looking database and a good secret. */
const valid = { SECRET_KEY: TEST_SECRET, DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/never_used' }

describe('the server refuses to start on bad configuration', () => {
  it.each([
    ['no SECRET_KEY', { SECRET_KEY: '' }, 'SECRET_KEY'],
    ['ALLOWED_ORIGINS=*', { ALLOWED_ORIGINS: '*' }, 'ALLOWED_ORIGINS'],
    ['DB_POOL_SIZE=abc', { DB_POOL_SIZE: 'abc' }, 'DB_POOL_SIZE'],
    ['ALGORITHM=none', { ALGORITHM: 'none' }, 'ALGORITHM'],
    ['a malformed DATABASE_URL', { DATABASE_URL: 'not-a-url' }, 'DATABASE_URL'],
    ['a short secret in production', { NODE_ENV: 'production', SECRET_KEY: 'too-short' }, 'SECRET_KEY'],
  ])('%s: exits non-zero with one line naming %s', async (_case, env, variable) => {
    const result = await runServerUntilExit({ ...valid, ...env })
    expect(result.code).not.toBe(0)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(variable)
    expect(lines[0]).toMatch(/^Invalid configuration: /)
    // It stopped before touching anything: no "ready", no stack trace.
    expect(result.stdout).not.toContain('"msg":"ready"')
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})

describe('DEBUG=true', () => {
  it('writes an explicit warning to the log before anything else', async () => {
    const result = await runServerUntilExit({ ...valid, DEBUG: 'true' })
    const firstLine = JSON.parse(result.stdout.split('\n')[0]) as { level: number; msg: string }
    expect(firstLine.level).toBe(40) // pino "warn"
    expect(firstLine.msg).toMatch(/DEBUG=true: SQL logging is on/)
  })

  it('is silent when DEBUG is off', async () => {
    const result = await runServerUntilExit(valid)
    expect(result.stdout).not.toContain('DEBUG=true')
  })
})
