import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'

import { CHROMIUM_CANDIDATES, findChromium, INSTALL_COMMAND, missingChromiumMessage } from '../../helpers/chromium'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-finder-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const only =
  (...present: string[]) =>
  (file: string) =>
    present.includes(file)

describe('findChromium', () => {
  it('takes the usual places in order', () => {
    expect(findChromium({ env: {}, executable: only(...CHROMIUM_CANDIDATES) })).toBe('/usr/bin/chromium')
    expect(findChromium({ env: {}, executable: only('/usr/bin/chromium-browser') })).toBe('/usr/bin/chromium-browser')
    expect(findChromium({ env: {}, executable: only() })).toBeUndefined()
  })

  it('takes CHROMIUM_PATH when set, and only it', () => {
    expect(
      findChromium({ env: { CHROMIUM_PATH: '/opt/chrome/chrome' }, executable: only('/opt/chrome/chrome', '/usr/bin/chromium') }),
    ).toBe('/opt/chrome/chrome')
    // A wrong CHROMIUM_PATH is reported, not replaced by a browser the user did not ask for.
    expect(findChromium({ env: { CHROMIUM_PATH: '/nowhere/chrome' }, executable: only('/usr/bin/chromium') })).toBeUndefined()
    expect(findChromium({ env: { CHROMIUM_PATH: '  ' }, executable: only('/usr/bin/chromium') })).toBe('/usr/bin/chromium')
  })

  it('checks real files: an executable file counts; a plain file or a directory does not', () => {
    const binary = path.join(dir, 'chromium')
    fs.writeFileSync(binary, '#!/bin/sh\n', { mode: 0o755 })
    const plain = path.join(dir, 'not-executable')
    fs.writeFileSync(plain, '', { mode: 0o644 })
    expect(findChromium({ env: { CHROMIUM_PATH: binary } })).toBe(binary)
    expect(findChromium({ env: { CHROMIUM_PATH: dir } })).toBeUndefined()
    // Root may "execute" any file; as another user a plain file is refused too.
    if (process.getuid?.() !== 0) expect(findChromium({ env: { CHROMIUM_PATH: plain } })).toBeUndefined()
  })

  it('names the exact command to run when it is missing', () => {
    expect(missingChromiumMessage({})).toContain(`Run: ${INSTALL_COMMAND}`)
    expect(missingChromiumMessage({ CHROMIUM_PATH: '/nowhere/chrome' })).toMatch(
      /^CHROMIUM_PATH=\/nowhere\/chrome is not an executable file/,
    )
  })
})

describe('the pretest step', () => {
  const pretest = (env: Record<string, string>) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'tests/helpers/ensureChromium.ts'], { env: { ...process.env, ...env } }).then(
      ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    )

  it('passes when Chromium is there, and stops at once with the command to run when it is not', async () => {
    const binary = path.join(dir, 'chrome-ok')
    fs.writeFileSync(binary, '#!/bin/sh\n', { mode: 0o755 })
    const found = await pretest({ CHROMIUM_PATH: binary })
    expect(found).toMatchObject({ code: 0, stdout: `pretest: Chromium at ${binary}\n` })
    const started = Date.now()
    const missing = await pretest({ CHROMIUM_PATH: path.join(dir, 'missing') })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain(`pretest: CHROMIUM_PATH=${path.join(dir, 'missing')} is not an executable file`)
    expect(missing.stderr).toContain(INSTALL_COMMAND)
    expect(Date.now() - started).toBeLessThan(30_000)
  })
})
