import fs from 'node:fs'

/**
 * Tells launch.mjs that the script's own code runs (so it is not started again): one line on the
 * file descriptor it named in SCRIPT_STARTED_FD. Does nothing when the script runs on its own.
 */
export const markStarted = (): void => {
  const fd = Number(process.env.SCRIPT_STARTED_FD)
  if (!Number.isInteger(fd) || fd <= 2) return
  delete process.env.SCRIPT_STARTED_FD
  try {
    fs.writeSync(fd, 'started\n')
    fs.closeSync(fd)
  } catch {
    // Not started by launch.mjs after all.
  }
}
