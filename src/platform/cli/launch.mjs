#!/usr/bin/env node
/**
 * `node src/platform/cli/launch.mjs <script.ts> [args…]`: runs a TypeScript command-line
 * script with tsx's loader, and starts it again when it never got going.
 *
 * Under load, Node with the tsx loader sometimes drops the loading of the script's module graph
 * (payload.config and all it imports): nothing runs, no error, and Node exits because nothing is
 * left to wait for, with exit code 0 (payloadcms/payload#17757 describes it for `payload run`; on
 * this machine 1 run in 2 to 8, with several at once). So the script says when its own code starts
 * (runScript writes to file descriptor 3, a pipe to this process); a run that ends without saying
 * so never started, and is safe to start again: no line of it ran. Once started, the exit code is
 * passed through untouched.
 *
 * Plain Node, no TypeScript: it must not depend on the loader it works around.
 */
import { spawn } from 'node:child_process'

const ATTEMPTS = 8

const [script, ...args] = process.argv.slice(2)
if (!script) {
  console.error('usage: node src/platform/cli/launch.mjs <script.ts> [args…]')
  process.exit(1)
}

const runOnce = () =>
  new Promise((resolve, reject) => {
    // --conditions=production: lexical's plain prod builds; its default Node entries pick a build
    // with a top-level await that on Node 20 sometimes stalls the load (see scripts/migrateRun.ts).
    const child = spawn(process.execPath, ['--no-deprecation', '--conditions=production', '--import', 'tsx', script, ...args], {
      stdio: ['inherit', 'inherit', 'inherit', 'pipe'],
      env: { ...process.env, SCRIPT_STARTED_FD: '3' },
    })
    let started = false
    child.stdio[3].on('data', () => (started = true))
    child.stdio[3].on('error', () => undefined)
    const forward = (signal) => child.kill(signal)
    process.on('SIGINT', forward)
    process.on('SIGTERM', forward)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward)
      process.off('SIGTERM', forward)
      resolve({ started, code: signal ? 128 + 15 : (code ?? 1) })
    })
  })

for (let attempt = 1; ; attempt++) {
  const { started, code } = await runOnce()
  if (started) process.exit(code)
  if (attempt === ATTEMPTS) {
    console.error(`${script}: the script never started in ${ATTEMPTS} attempts (its modules did not load; payloadcms/payload#17757)`)
    process.exit(1)
  }
}
