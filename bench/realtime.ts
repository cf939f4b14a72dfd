/**
 * `npm run bench:realtime`: BENCH_SUBSCRIBERS (1,000) WebSocket subscribers on one compiled
 * instance, each following the `anime` collection, receive BENCH_CHANGES (20) published changes
 * made one after another through the REST API by an admin. Printed:
 *   - delivery latency per subscriber and change: from the document's `updatedAt` (stamped inside
 *     the writing transaction, same clock: one machine) to the moment the subscriber has the
 *     `change` message (p50/p95/p99/max), target p95 <= 100 ms; and, for reference, from the
 *     moment the PATCH was sent (which adds the REST write itself);
 *   - the server's RSS before the subscribers connect and after the changes, target growth <= 100 MB.
 * Subscribers are BENCH_USERS (100) plain accounts with 10 sockets each (the per-account cap's
 * default). The server runs with its real dependencies (PostgreSQL, Redis, RabbitMQ) and its
 * default relay poll (the relay is woken by the commit), and writes its logs to a file, never into
 * this process.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import WebSocket from 'ws'

import { createAccountWithRole } from '../tests/helpers/accounts'
import { freePort } from '../tests/helpers/freePort'
import { deleteBrokerObjects, RABBITMQ_URL } from '../tests/helpers/rabbitmq'
import { REDIS_URL } from '../tests/helpers/redis'
import { TEST_SECRET } from '../tests/helpers/testSecret'
import { buildWithRetries, createBenchDatabase, machine, ms, print, sleep, type BenchDatabase } from './lib/harness'

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1_000)
const USERS = Number(process.env.BENCH_USERS ?? 100)
const CHANGES = Number(process.env.BENCH_CHANGES ?? 20)
const P95_TARGET_MS = 100
const RSS_TARGET_MB = 100
const PASSWORD = 'bench-realtime-password'
const root = process.cwd()

const rssOf = (pid: number): number => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(status.match(/VmRSS:\s+(\d+)\s+kB/)?.[1] ?? NaN) / 1024
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN

type Server = { url: string; port: number; pid: number; logFile: string; stop: () => Promise<void> }

/** The compiled server, its output to a log file (the load generator never reads it). */
const startServer = async (env: Record<string, string>): Promise<Server> => {
  const port = await freePort()
  const logFile = path.join(os.tmpdir(), `bench-realtime-${port}.log`)
  const log = fs.openSync(logFile, 'w')
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.js')], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: '--no-deprecation',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
      PORT: String(port),
      SERVER_URL: `http://localhost:${port}`,
    },
    stdio: ['ignore', log, log],
  })
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  const deadline = Date.now() + 180_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited before ready; see ${logFile}`)
    if (Date.now() > deadline) child.kill('SIGKILL')
    // LOG_LEVEL=warn keeps the log small, so readiness is asked, not read from it.
    const status = await fetch(`http://127.0.0.1:${port}/api/realtime/status`).then(
      (response) => response.status,
      () => 0,
    )
    if (status === 200) break
    if (Date.now() > deadline) throw new Error(`server not ready in 180 s; see ${logFile}`)
    await sleep(250)
  }
  fs.closeSync(log)
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid as number,
    logFile,
    stop: async () => {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(killer)
    },
  }
}

const request = async (url: string, method: string, body: unknown, token?: string) => {
  const response = await fetch(url, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`)
  return (await response.json()) as Record<string, unknown>
}

/** Opens one socket for `token` and subscribes it to `anime`; resolves once subscribed. */
const openSubscriber = (
  port: number,
  token: string,
  onYear: (year: number, at: number, wallClock: number, updatedAt: string) => void,
): Promise<WebSocket> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${encodeURIComponent(token)}`)
    const timer = setTimeout(() => reject(new Error('subscriber not subscribed within 30 s')), 30_000)
    socket.on('error', reject)
    socket.on('close', (code, reason) => reject(new Error(`closed ${code} ${reason.toString()}`)))
    socket.on('message', (data) => {
      const at = performance.now()
      const wallClock = Date.now()
      const message = JSON.parse(data.toString()) as { type: string; doc?: { year?: number; updatedAt?: string } }
      if (message.type === 'ready') socket.send(JSON.stringify({ type: 'subscribe', id: 'anime', collection: 'anime' }))
      else if (message.type === 'subscribed') {
        clearTimeout(timer)
        resolve(socket)
      } else if (message.type === 'change' && typeof message.doc?.year === 'number')
        onYear(message.doc.year, at, wallClock, message.doc.updatedAt ?? '')
      else if (message.type === 'error') reject(new Error(JSON.stringify(message)))
    })
  })

const main = async () => {
  for (const line of machine()) print(line)
  await buildWithRetries()
  let database: BenchDatabase | undefined
  let server: Server | undefined
  const sockets: WebSocket[] = []
  const exchange = `bench.realtime.${randomBytes(4).toString('hex')}`
  try {
    database = await createBenchDatabase('realtime')
    server = await startServer({
      SECRET_KEY: TEST_SECRET,
      DATABASE_URL: database.url,
      REDIS_URL,
      RABBITMQ_URL,
      RABBITMQ_EXCHANGE: exchange,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_AUTH_PER_IP: '1000000',
      RATE_LIMIT_AUTH_PER_ACCOUNT: '1000000',
    })
    const api = `${server.url}/api`
    const admin = await createAccountWithRole({
      serverUrl: server.url,
      databaseUrl: database.url,
      email: 'bench-rt-admin@example.com',
      password: PASSWORD,
      role: 'admin',
    })
    const anime = (
      await request(`${api}/anime`, 'POST', { title: 'Bench Realtime', kind: 'tv', year: 1900, _status: 'published' }, admin.accessToken)
    ).doc as { id: number }

    const tokens: string[] = []
    for (let index = 0; index < USERS; index++) {
      const registered = await request(`${api}/auth/register`, 'POST', {
        email: `bench-rt-${index}@example.com`,
        password: PASSWORD,
        name: `Reader ${index}`,
      })
      tokens.push(registered.accessToken as string)
    }
    await sleep(2_000)
    const rssBefore = rssOf(server.pid)

    const sentAt = new Map<number, number>()
    const latencies: number[] = []
    const fromRequest: number[] = []
    const received = new Map<number, number>()
    const onYear = (year: number, at: number, wallClock: number, updatedAt: string) => {
      const start = sentAt.get(year)
      if (start === undefined) return
      fromRequest.push(at - start)
      latencies.push(wallClock - Date.parse(updatedAt))
      received.set(year, (received.get(year) ?? 0) + 1)
    }
    const opening = Date.now()
    for (let index = 0; index < SUBSCRIBERS; index += 10) {
      const batch = Array.from({ length: Math.min(10, SUBSCRIBERS - index) }, (_, offset) =>
        openSubscriber(server!.port, tokens[(index + offset) % USERS]!, onYear),
      )
      sockets.push(...(await Promise.all(batch)))
    }
    print(`${SUBSCRIBERS} subscribers (${USERS} accounts) connected and subscribed in ${((Date.now() - opening) / 1000).toFixed(1)} s`)
    await sleep(1_000)

    for (let change = 1; change <= CHANGES; change++) {
      const year = 1900 + change
      sentAt.set(year, performance.now())
      await request(`${api}/anime/${anime.id}`, 'PATCH', { year }, admin.accessToken)
      const deadline = Date.now() + 10_000
      while ((received.get(year) ?? 0) < SUBSCRIBERS && Date.now() < deadline) await sleep(5)
      await sleep(200)
    }
    const rssAfter = rssOf(server.pid)
    const expected = SUBSCRIBERS * CHANGES
    const sorted = [...latencies].sort((x, y) => x - y)
    const p95 = percentile(sorted, 95)
    const growth = rssAfter - rssBefore
    print(`delivered ${latencies.length} of ${expected} change messages (${CHANGES} changes x ${SUBSCRIBERS} subscribers)`)
    const sortedRequest = [...fromRequest].sort((x, y) => x - y)
    print(
      `delivery latency ms (updatedAt -> received): p50 ${ms(percentile(sorted, 50))}  p95 ${ms(p95)}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted[sorted.length - 1] ?? NaN)}`,
    )
    print(
      `end to end ms (PATCH sent -> received): p50 ${ms(percentile(sortedRequest, 50))}  p95 ${ms(percentile(sortedRequest, 95))}  p99 ${ms(percentile(sortedRequest, 99))}`,
    )
    print(`server RSS MB: before subscribers ${rssBefore.toFixed(1)}, after ${rssAfter.toFixed(1)}, growth ${growth.toFixed(1)}`)
    const complete = latencies.length === expected
    print(`${complete ? 'PASS' : 'FAIL'} every subscriber received every change exactly once`)
    print(`${p95 <= P95_TARGET_MS && complete ? 'PASS' : 'FAIL'} p95 delivery latency ${ms(p95)} ms (target <= ${P95_TARGET_MS} ms)`)
    print(`${growth <= RSS_TARGET_MB ? 'PASS' : 'FAIL'} server RSS growth ${growth.toFixed(1)} MB (target <= ${RSS_TARGET_MB} MB)`)
    print(`server log: ${server.logFile}`)
    if (!complete || p95 > P95_TARGET_MS || growth > RSS_TARGET_MB) process.exitCode = 1
  } finally {
    for (const socket of sockets) socket.terminate()
    await server?.stop()
    await database?.drop()
    await deleteBrokerObjects({ exchanges: [exchange] }).catch(() => undefined)
  }
}

main().catch((error: unknown) => {
  print(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exit(1)
})
