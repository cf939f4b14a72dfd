import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

/** Where Debian and Ubuntu put Chromium (playwright cannot download its own browsers on this machine). */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

/** What to run when Chromium is missing: the same as .ci/run does. */
export const INSTALL_COMMAND = 'sudo apt-get update && sudo apt-get install -y chromium'

const isExecutable = (file: string): boolean => {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

type Env = Record<string, string | undefined>

export type ChromiumSearch = { env?: Env; executable?: (file: string) => boolean }

/**
 * The Chromium the browser tests drive: CHROMIUM_PATH when set (and then only it: a wrong path is a
 * mistake to report, not to paper over), otherwise the first of the usual places that is executable.
 */
export const findChromium = ({ env = process.env, executable = isExecutable }: ChromiumSearch = {}): string | undefined => {
  const configured = env.CHROMIUM_PATH?.trim()
  if (configured) return executable(configured) ? configured : undefined
  return CHROMIUM_CANDIDATES.find(executable)
}

/** The message for a machine without Chromium, with the exact command to run. */
export const missingChromiumMessage = (env: Env = process.env): string =>
  env.CHROMIUM_PATH?.trim()
    ? `CHROMIUM_PATH=${env.CHROMIUM_PATH} is not an executable file. Point it at a Chromium or Chrome binary, or unset it and run: ${INSTALL_COMMAND}`
    : `Chromium is not installed (looked at ${CHROMIUM_CANDIDATES.join(', ')}); the browser tests need it. Run: ${INSTALL_COMMAND} (or set CHROMIUM_PATH to a Chromium or Chrome binary).`

/** As root with apt-get (a CI container), installs Debian's Chromium the way .ci/run does. */
const installWithApt = (): boolean => {
  if (process.getuid?.() !== 0 || !isExecutable('/usr/bin/apt-get')) return false
  const apt = (...args: string[]) =>
    execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
  try {
    try {
      apt('install', '-y', '-qq', 'chromium')
    } catch {
      apt('update', '-qq')
      apt('install', '-y', '-qq', 'chromium')
    }
    return true
  } catch {
    return false
  }
}

/** Finds Chromium, or installs it when it can; otherwise throws the message with the command to run. */
export const ensureChromium = (): string => {
  const found = findChromium()
  if (found) return found
  if (!process.env.CHROMIUM_PATH?.trim() && installWithApt()) {
    const installed = findChromium()
    if (installed) return installed
  }
  throw new Error(missingChromiumMessage())
}
