/** What the bench scripts share: the machine line, the build, a bench database, child servers, output. */
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Redis } from 'ioredis'
import pg from 'pg'

import { freePort } from '../../tests/helpers/freePort'
import { ensureProductionBuild } from '../../tests/helpers/productionBuild'
import { NEUTRAL_ENV } from '../../tests/helpers/serverProcess'
import { deployedNodeOptions } from '@/platform/runtime/deployedNodeOptions'
import { TEST_SECRET } from '../../tests/helpers/testSecret'
import { runMigrations } from '@/platform/database/runMigrations'
import { hitRatio, mergeResults, type LoadResult } from './load'
import { runLoadElsewhere, samplePaths } from './loadProcess'

const root = process.cwd()
const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres'

export type BenchDatabase = { url: string; name: string; drop: () => Promise<void> }

const adminQuery = async (sql: string): Promise<void> => {
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  admin.on('error', () => {})
  await admin.connect()
  try {
    await admin.query(sql)
  } finally {
    await admin.end()
  }
}

/** A migrated database of its own, named bench_* (not test_*, which test clean-ups may drop). */
export const createBenchDatabase = async (label: string): Promise<BenchDatabase> => {
  const name = `bench_${label}_${randomBytes(4).toString('hex')}`
  await adminQuery(`create database "${name}"`)
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  const database = { name, url: url.toString(), drop: () => adminQuery(`drop database if exists "${name}" with (force)`) }
  // Payload's migration log at info would fill the bench's output.
  await runMigrations(database.url, root, { SECRET_KEY: TEST_SECRET, S3_BUCKET: '', LOG_LEVEL: 'warn' })
  return database
}

export const print = (line = ''): void => void process.stdout.write(`${line}\n`)
export const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : 'n/a')
export const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay))

export const machine = (): string[] => {
  const cpu = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/)?.[1] ?? os.cpus()[0]?.model
  return [
    `CPU: ${cpu}, ${os.cpus().length} cores; RAM ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; load average ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
    `Node ${process.version}; ${os.type()} ${os.release()}`,
  ]
}

/** `npm run build` unless the output is current; retried, since other work may leave src/ half-written for a moment. */
export const buildWithRetries = async (): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      ensureProductionBuild()
      return
    } catch (error) {
      if (attempt === 3) throw error
      print(`build failed (attempt ${attempt}); retrying in 60 s`)
      await sleep(60_000)
    }
  }
}

export type Child = { url: string; pid: number; logFile: string; stop: () => Promise<void> }

/** A new log file for a child's stdout and stderr: its output never comes back into the bench. */
const openLogFile = (label: string, port: number): { file: string; fd: number } => {
  const file = path.join(os.tmpdir(), `bench-${label}-${port}.log`)
  return { file, fd: fs.openSync(file, 'w') }
}

const tail = (file: string): string => {
  try {
    return fs.readFileSync(file, 'utf8').slice(-2_000)
  } catch {
    return ''
  }
}

/** Asks until `url` answers at all (any status), the child exits, or `timeoutMs` passes. */
const waitUntilAnswering = async (
  child: ChildProcess,
  url: string,
  logFile: string,
  label: string,
  timeoutMs: number,
  isReady = (status: number) => status > 0,
) => {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${label} exited before it was ready:\n${tail(logFile)}`)
    const status = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then(
      async (response) => {
        await response.arrayBuffer().catch(() => undefined)
        return response.status
      },
      () => 0,
    )
    if (isReady(status)) return
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${label} not ready in ${timeoutMs / 1000} s:\n${tail(logFile)}`)
    }
    await sleep(20)
  }
}

/** Stops the child (SIGTERM, SIGKILL after `graceMs`), then deletes its log unless BENCH_KEEP_LOGS=1. */
const stopper = (child: ChildProcess, graceMs: number, logFile: string) => {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      await exited
      clearTimeout(killer)
    }
    if (process.env.BENCH_KEEP_LOGS === '1') print(`log kept: ${logFile}`)
    else fs.rmSync(logFile, { force: true })
  }
}

/**
 * Starts one of bench/servers/* with its output in a log file, and waits until it answers HTTP.
 * tsx sometimes exits 0 without running the script at all when several load the Payload config
 * at once (payloadcms/payload#17757 shows the same for the CLI): a silent exit before it answers
 * is retried, twice at most.
 */
export const startChild = async (script: string, env: Record<string, string>): Promise<Child> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await startChildOnce(script, env)
    } catch (error) {
      const silent = error instanceof Error && /exited before it was ready:\n\s*$/.test(error.message)
      if (!silent || attempt === 3) throw error
      print(`${script} exited silently before it was ready (attempt ${attempt}); retrying`)
    }
  }
}

const startChildOnce = async (script: string, env: Record<string, string>): Promise<Child> => {
  const port = await freePort()
  const log = openLogFile(script.replace(/\.ts$/, ''), port)
  const child: ChildProcess = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'bench', 'servers', script)], {
    cwd: root,
    // Under Node 20, Payload's ESM graph loaded through tsx exits silently (code 0) in about one
    // start of three without the production condition (as scripts/migrateRun.ts explains).
    env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '--no-deprecation --conditions=production', ...env, PORT: String(port) },
    stdio: ['ignore', log.fd, log.fd],
  })
  fs.closeSync(log.fd)
  const url = `http://127.0.0.1:${port}`
  const stop = stopper(child, 10_000, log.file)
  try {
    await waitUntilAnswering(child, `${url}/`, log.file, script, 120_000)
  } catch (error) {
    await stop()
    throw error
  }
  // tsx runs the script in a child of its own; RSS is not asked of these servers.
  return { url, pid: child.pid!, logFile: log.file, stop }
}

export type BenchServer = Child & {
  port: number
  /** From spawn to the first 200 on /health. */
  startMs: number
  /** Resident memory of the server process now, in MiB (VmRSS in /proc/<pid>/status). */
  rssMb: () => number
}

/**
 * The compiled server (`dist/server.js`, production), as deployed, with its output (JSON logs,
 * access log included, at BENCH_LOG_LEVEL, default info) written to a log file: logging costs the
 * server what it costs in production and nothing in the bench. Ready = the first 200 on /health,
 * and the time from spawn to it is the cold start.
 */
export const startCompiledServer = async (label: string, env: Record<string, string>): Promise<BenchServer> => {
  const port = await freePort()
  const log = openLogFile(label, port)
  const spawnedAt = performance.now()
  // Flags Node refuses in NODE_OPTIONS (--cpu-prof, --prof) go on the command line: BENCH_SERVER_NODE_ARGS.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'dist', process.env.BENCH_SERVER_SCRIPT ?? 'server.js')], {
    cwd: root,
    env: {
      ...process.env,
      ...NEUTRAL_ENV,
      NODE_ENV: 'production',
      // As deployed (npm start), heap cap included; BENCH_SERVER_NODE_OPTIONS to try others.
      NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS ?? deployedNodeOptions(root),
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      ...env,
      PORT: String(port),
      SERVER_URL: `http://localhost:${port}`,
    },
    stdio: ['ignore', log.fd, log.fd],
  })
  fs.closeSync(log.fd)
  const url = `http://127.0.0.1:${port}`
  const stop = stopper(child, 15_000, log.file)
  try {
    await waitUntilAnswering(child, `${url}/health`, log.file, `server ${label}`, 180_000, (status) => status === 200)
  } catch (error) {
    await stop()
    throw error
  }
  const startMs = performance.now() - spawnedAt
  const pid = child.pid!
  return { url, port, pid, logFile: log.file, startMs, rssMb: () => rssMbOf(pid), stop }
}

/** VmRSS of a process in MiB (NaN once it is gone). */
export const rssMbOf = (pid: number): number => {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    return Number(status.match(/VmRSS:\s+(\d+)\s+kB/)?.[1] ?? NaN) / 1024
  } catch {
    return NaN
  }
}

/** Samples a process's RSS every `intervalMs` while running; `max` is the highest sample. */
export const sampleRss = (pid: number, intervalMs = 200) => {
  let max = rssMbOf(pid)
  const timer = setInterval(() => {
    const now = rssMbOf(pid)
    if (now > max) max = now
  }, intervalMs)
  return {
    max: () => max,
    stop: () => clearInterval(timer),
  }
}

/**
 * The scope the server puts in its Redis keys for a database (src/platform/cache/databaseScope.ts:
 * the first 16 hex digits of sha256 of host:port/path), so that a bench can delete exactly its keys.
 */
export const databaseScopeOf = (databaseUrl: string): string => {
  const url = new URL(databaseUrl)
  return createHash('sha256').update(`${url.hostname}:${url.port}${url.pathname}`).digest('hex').slice(0, 16)
}

/** Deletes the keys matching `pattern` (SCAN + UNLINK, never FLUSHALL: the Redis is shared). */
export const deleteRedisKeys = async (redisUrl: string, pattern: string): Promise<number> => {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
  redis.on('error', () => {})
  let deleted = 0
  try {
    await redis.connect()
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000)
      cursor = next
      if (keys.length > 0) deleted += await redis.unlink(...keys)
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
  return deleted
}

export const loadAverage = (): string =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')

const counts = (record: Record<string | number, number>): string =>
  Object.entries(record)
    .map(([key, n]) => `${key}: ${n}`)
    .join(', ')

export const describeResult = (label: string, result: LoadResult): void => {
  const cache = Object.keys(result.xCache ?? {}).some((key) => key !== 'none')
    ? `; X-Cache ${counts(result.xCache)} (HIT ${(hitRatio(result) * 100).toFixed(1)} %)`
    : ''
  const cpu = result.generatorCpu === undefined ? '' : `; generator CPU ${(result.generatorCpu * 100).toFixed(0)} % of a core`
  print(
    `${label}: ${result.requests} requests in ${result.seconds.toFixed(1)} s = ${result.rps.toFixed(0)} req/s; ` +
      `p50 ${ms(result.p50)} ms, p95 ${ms(result.p95)} ms, p99 ${ms(result.p99)} ms, max ${ms(result.max)} ms; ` +
      `statuses {${counts(result.statuses)}}${cache}${cpu}`,
  )
  if (result.firstFailure) print(`  first failure: ${result.firstFailure}`)
}

export type Target = {
  key: string
  label: string
  url: string
  /** Path of the i-th request; sampled for the first 10,000 requests and rotated (loadProcess.ts). */
  path: (i: number) => string
  /** Request headers, rotated by request index (e.g. one bearer token per signed-in reader). */
  headers?: readonly Record<string, string>[]
}
export type InterleavedResult = {
  merged: LoadResult
  roundRps: number[]
  /** When each round of this target ran (epoch ms, start and end), to line rounds up with other samples. */
  roundWindows: { start: number; end: number }[]
  /**
   * The trend of req/s over the rounds, first to last, against their median (0.1 = 10 % faster by
   * the last round): trendDrift, robust to one round the machine slowed, so that a generator
   * slowing itself down shows and one slow moment does not pass for a trend.
   */
  drift: number
  /** The same trend by least squares, which one slow round at either end swings: printed beside it. */
  leastSquaresDrift: number
  /** Last round's req/s against the first's, minus 1: printed beside the trend. */
  firstToLast: number
}

/** A signed share as a percentage: `+12 %`, `-3 %`. */
export const percent = (value: number) => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(0)} %`

/** `a / b / c req/s, drift +x %`: each round's figure, the trend and the first-to-last change. */
export const describeRounds = (result: InterleavedResult | undefined): string =>
  result
    ? `rounds ${result.roundRps.map((n) => n.toFixed(0)).join(' / ')} req/s, drift ${percent(result.drift)} (least squares ${percent(result.leastSquaresDrift)}, first to last ${percent(result.firstToLast)})`
    : 'not measured'

/** The least-squares slope of `values` over their index, times (n - 1), over their mean. */
export const leastSquaresDrift = (values: readonly number[]): number => {
  const n = values.length
  if (n < 2) return 0
  const meanX = (n - 1) / 2
  const meanY = values.reduce((sum, value) => sum + value, 0) / n
  let covariance = 0
  let variance = 0
  values.forEach((value, x) => {
    covariance += (x - meanX) * (value - meanY)
    variance += (x - meanX) ** 2
  })
  return meanY === 0 ? 0 : ((covariance / variance) * (n - 1)) / meanY
}

/** The middle value (the mean of the two middle ones for an even count). */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * The §7 drift of bench rounds: the Theil-Sen slope of `values` over their index (the median of
 * the slopes between every two rounds), times (n - 1), over their median. A steady trend reads as
 * it does by least squares (100, 90, 80, 70: -30 against 85), but one round the shared machine
 * slowed moves it little: least squares took such a round at either end for a 20-35 % trend.
 */
export const trendDrift = (values: readonly number[]): number => {
  const n = values.length
  if (n < 2) return 0
  const slopes: number[] = []
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) slopes.push((values[j]! - values[i]!) / (j - i))
  const middle = median(values)
  return middle === 0 ? 0 : (median(slopes) * (n - 1)) / middle
}

/** Pearson's correlation of two series of equal length. */
export const correlation = (a: readonly number[], b: readonly number[]): number => {
  const n = Math.min(a.length, b.length)
  const mean = (values: readonly number[]) => values.slice(0, n).reduce((sum, value) => sum + value, 0) / n
  const meanA = mean(a)
  const meanB = mean(b)
  let covariance = 0
  let varianceA = 0
  let varianceB = 0
  for (let i = 0; i < n; i++) {
    covariance += (a[i]! - meanA) * (b[i]! - meanB)
    varianceA += (a[i]! - meanA) ** 2
    varianceB += (b[i]! - meanB) ** 2
  }
  return varianceA === 0 || varianceB === 0 ? NaN : covariance / Math.sqrt(varianceA * varianceB)
}

/**
 * Measures several servers in interleaved rounds (order reversed every other round), so that the
 * machine's changing load falls on all of them alike. Each target is warmed up first (`warmupMs`),
 * then one whole round is run and not counted: a server just started is still compiling its hot
 * path after a few seconds. The load is generated in a process of its own (loadProcess.ts). Each
 * round is printed, and the drift of each target (trendDrift): a generator that slowed itself
 * down would show here.
 */
export const measureInterleaved = async (
  targets: readonly Target[],
  { concurrency, seconds, rounds, warmupMs }: { concurrency: number; seconds: number; rounds: number; warmupMs: number },
): Promise<Record<string, InterleavedResult>> => {
  const jobs = new Map(
    targets.map((target) => [target.key, { baseUrl: target.url, paths: samplePaths(target.path), headers: target.headers, concurrency }]),
  )
  for (const target of targets) await runLoadElsewhere({ ...jobs.get(target.key)!, durationMs: warmupMs })
  for (const target of targets) await runLoadElsewhere({ ...jobs.get(target.key)!, durationMs: (seconds * 1000) / rounds })
  const runs: Record<string, LoadResult[]> = {}
  const windows: Record<string, { start: number; end: number }[]> = {}
  for (let round = 0; round < rounds; round++) {
    for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
      const start = Date.now()
      const result = await runLoadElsewhere({ ...jobs.get(target.key)!, durationMs: (seconds * 1000) / rounds })
      ;(windows[target.key] ??= []).push({ start, end: Date.now() })
      describeResult(`round ${round + 1} ${target.label}`, result)
      ;(runs[target.key] ??= []).push(result)
    }
  }
  return Object.fromEntries(
    targets.map((target) => {
      const merged = mergeResults(runs[target.key]!)
      const roundRps = runs[target.key]!.map((run) => run.rps)
      const result = {
        merged,
        roundRps,
        roundWindows: windows[target.key]!,
        drift: trendDrift(roundRps),
        leastSquaresDrift: leastSquaresDrift(roundRps),
        firstToLast: roundRps[roundRps.length - 1]! / roundRps[0]! - 1,
      }
      describeResult(`${target.label}, all rounds`, merged)
      print(`  ${describeRounds(result)}`)
      return [target.key, result]
    }),
  )
}
