#!/usr/bin/env node
/**
 * `npm run quickstart`: from a fresh clone to a running server in one command.
 *
 *   1. installs dependencies (`npm ci`) when node_modules is missing or older than package-lock.json;
 *   2. creates `.env` with a freshly generated SECRET_KEY when there is none;
 *   3. runs `npm run dev`. With no DATABASE_URL or DB_HOST the server starts an embedded PostgreSQL
 *      under .data/postgres, applies the migrations and serves http://localhost:3000.
 *
 * Plain Node, no dependencies: it runs before node_modules exists.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
process.chdir(root)

const isWindows = process.platform === 'win32'
const npm = isWindows ? 'npm.cmd' : 'npm'

const say = (message) => console.log(`\n[quickstart] ${message}`)

const mtime = (file) => {
  try {
    return fs.statSync(file).mtimeMs
  } catch {
    return undefined
  }
}

/**
 * Runs npm with inherited stdio; resolves with the exit code (128 + n when killed by signal n).
 *
 * With `forwardSignals`, the child runs in its own process group and SIGINT/SIGTERM sent to this
 * process go to that whole group. Signalling npm alone is not enough: the `sh -c` that npm starts
 * for a script does not pass signals on, so the server would never hear them. Ctrl-C in a terminal
 * reaches this process (the foreground group) and, through it, every process of the server once.
 */
const runNpm = (args, { forwardSignals = false } = {}) =>
  new Promise((resolve, reject) => {
    const ownGroup = forwardSignals && !isWindows
    // npm is a .cmd script on Windows, which Node only starts through a shell.
    const child = spawn(npm, args, { stdio: 'inherit', shell: isWindows, detached: ownGroup })
    const forward = (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return
      try {
        if (ownGroup) process.kill(-child.pid, signal)
        else child.kill(signal)
      } catch {
        // The group is already gone.
      }
    }
    // A closed terminal (SIGHUP) no longer reaches a child in its own group: stop it cleanly.
    const handlers = {
      SIGINT: () => forward('SIGINT'),
      SIGTERM: () => forward('SIGTERM'),
      SIGHUP: () => forward('SIGTERM'),
    }
    if (forwardSignals) for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      for (const [name, handler] of Object.entries(handlers)) process.off(name, handler)
      resolve(code ?? 128 + (os.constants.signals[signal] ?? 0))
    })
  })

const needsInstall = () => {
  const installed = mtime(path.join(root, 'node_modules', '.package-lock.json'))
  if (!fs.existsSync(path.join(root, 'node_modules')) || installed === undefined) return 'node_modules is missing'
  const lock = mtime(path.join(root, 'package-lock.json'))
  if (lock !== undefined && lock > installed) return 'package-lock.json is newer than node_modules'
  return undefined
}

const ENV_FILE = path.join(root, '.env')

const envFileContents = () =>
  [
    '# Created by `npm run quickstart`. Local settings only: never commit this file (.gitignore has it).',
    '#',
    '# SECRET_KEY signs the login tokens (JWTs). It was generated for this checkout; changing it logs',
    '# everybody out. Generate a new one with:',
    "#   node -e \"console.log(require('node:crypto').randomBytes(32).toString('hex'))\"",
    '#',
    '# Nothing else is needed: with no DATABASE_URL or DB_HOST the server runs an embedded PostgreSQL',
    '# under .data/postgres. Every other variable, with its default, is described in .env.example.',
    `SECRET_KEY=${randomBytes(32).toString('hex')}`,
    '',
  ].join('\n')

/** Where the server will listen, for the message above: environment first, then .env. */
const serverUrl = () => {
  let fromFile = {}
  try {
    const text = fs.readFileSync(ENV_FILE, 'utf8')
    for (const match of text.matchAll(/^\s*(?:export\s+)?(PORT|SERVER_URL)\s*=\s*["']?([^"'#\s]*)/gm)) {
      fromFile[match[1]] = match[2]
    }
  } catch {
    fromFile = {}
  }
  const value = (name) => process.env[name]?.trim() || fromFile[name] || undefined
  return (value('SERVER_URL') ?? `http://localhost:${value('PORT') ?? 3000}`).replace(/\/+$/, '')
}

const main = async () => {
  const [major, minor] = process.versions.node.split('.').map(Number)
  if (major < 20 || (major === 20 && minor < 9)) {
    console.error(`[quickstart] Node.js 20.9 or newer is required (this is ${process.version}).`)
    return 1
  }

  const reason = needsInstall()
  if (reason) {
    say(`${reason}: running npm ci`)
    const code = await runNpm(['ci', '--no-audit', '--no-fund'])
    if (code !== 0) {
      console.error(`[quickstart] npm ci failed (exit code ${code}).`)
      return code
    }
  } else {
    say('dependencies are up to date')
  }

  if (fs.existsSync(ENV_FILE)) {
    say('.env exists: keeping it')
  } else {
    // `wx`: never overwrite a .env that appeared in the meantime.
    fs.writeFileSync(ENV_FILE, envFileContents(), { flag: 'wx', mode: 0o600 })
    say('created .env with a freshly generated SECRET_KEY')
  }

  const url = serverUrl()
  say('starting the server (npm run dev); the first start initialises PostgreSQL under .data/postgres')
  say(`when it logs "ready": open ${url}/admin and create the first user (it becomes admin); Ctrl-C stops it`)
  return runNpm(['run', 'dev'], { forwardSignals: true })
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('[quickstart] failed:', error instanceof Error ? error.message : error)
    process.exit(1)
  },
)
