import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { freePort } from './freePort'
import { RABBITMQ_URL } from './rabbitmq'
import { REDIS_URL } from './redis'
import { TEST_SECRET } from './testSecret'

const root = process.cwd()

/** Variables a developer's shell or .env could leak into a test server. Empty = unset to our config. */
export const NEUTRAL_ENV = {
  SECRET_KEY: '',
  PAYLOAD_SECRET: '',
  DATABASE_URL: '',
  DB_HOST: '',
  ALLOWED_ORIGINS: '',
  ALGORITHM: '',
  DB_POOL_SIZE: '',
  DEBUG: '',
  S3_BUCKET: '',
  SERVER_URL: '',
  REDIS_URL: '',
  RABBITMQ_URL: '',
  RABBITMQ_EXCHANGE: '',
  NOTIFIER_WEBHOOK_URL: '',
  GOOGLE_CLIENT_ID: '',
  GOOGLE_CLIENT_SECRET: '',
  TRUST_PROXY: '',
  METRICS_TOKEN: '',
  LOG_LEVEL: '',
  NEXT_TELEMETRY_DISABLED: '1',
}

export { TEST_SECRET }

type ServerEnv = Record<string, string>

/**
 * A server wired to every shared service: its own database, the shared Redis, RabbitMQ with the
 * test's own exchange, and a relay that polls often (tests wait for its events).
 */
export const connectedServerEnv = ({ databaseUrl, exchange }: { databaseUrl: string; exchange: string }): ServerEnv => ({
  SECRET_KEY: TEST_SECRET,
  DATABASE_URL: databaseUrl,
  REDIS_URL,
  RABBITMQ_URL,
  RABBITMQ_EXCHANGE: exchange,
  EVENTS_RELAY_POLL_MS: '100',
})

type SpawnOptions = {
  /** Run the compiled production server (`npm run build` output) instead of server.ts in dev mode. */
  compiled?: boolean
  /** Run `dist/server.js` of this directory, from it (a copy of .next/standalone); implies compiled. */
  appDir?: string
}

const spawnServer = (env: ServerEnv, { compiled = process.env.TEST_SERVER === 'dist', appDir }: SpawnOptions = {}): ChildProcess => {
  if (appDir) compiled = true
  const cwd = appDir ?? root
  const command = compiled ? process.execPath : path.join(root, 'node_modules', '.bin', 'tsx')
  const args = compiled ? [path.join(cwd, 'dist', 'server.js')] : [path.join(root, 'server.ts')]
  return spawn(command, args, {
    cwd,
    env: {
      ...process.env,
      ...NEUTRAL_ENV,
      NODE_ENV: compiled ? 'production' : 'development',
      NODE_OPTIONS: '--no-deprecation',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

export type ExitedServer = { code: number | null; stdout: string; stderr: string }

/** Runs the server expecting it to refuse to start; resolves when it exits. */
export const runServerUntilExit = (env: ServerEnv, timeoutMs = 60_000): Promise<ExitedServer> =>
  new Promise((resolve, reject) => {
    const child = spawnServer(env)
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk) => (stdout += chunk))
    child.stderr?.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server did not exit within ${timeoutMs} ms\n${stdout}\n${stderr}`))
    }, timeoutMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })

export type RunningServer = {
  url: string
  port: number
  output: () => string
  stop: () => Promise<void>
}

/** Starts the real server on a free port and waits until it logs "ready". */
export const startServer = async (
  env: ServerEnv,
  { timeoutMs = 180_000, ...options }: SpawnOptions & { timeoutMs?: number } = {},
): Promise<RunningServer> => {
  const port = await freePort()
  const child = spawnServer({ PORT: String(port), SERVER_URL: `http://localhost:${port}`, ...env }, options)
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    child.kill('SIGTERM')
    const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)
    await exited
    clearTimeout(killer)
  }
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop()
      reject(new Error(`server not ready within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const onData = (chunk: Buffer) => {
      output += chunk
      if (/"msg":"ready"/.test(output)) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before it was ready:\n${output}`))
    })
  })
  return { url: `http://127.0.0.1:${port}`, port, output: () => output, stop }
}

/** Polls `fn` until it returns true or the time is up. */
export const waitFor = async (fn: () => Promise<boolean>, timeoutMs: number, intervalMs = 250): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await fn().catch(() => false)) return true
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
  return false
}

/** Polls `check` every 50 ms; throws naming `what` when it is still false after `timeoutMs`. */
export const waitUntil = async (check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> => {
  if (!(await waitFor(async () => check(), timeoutMs, 50))) throw new Error(`timed out waiting for ${what}`)
}

/** The JSON log lines a server printed (its other output, e.g. Next's banner, left out). */
export const jsonLogLines = (output: string): Array<Record<string, unknown>> =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
