/** What the bench scripts share: the machine line, the build, a bench database, child servers, output. */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'

import { freePort } from '../../tests/helpers/freePort'
import { ensureProductionBuild } from '../../tests/helpers/productionBuild'
import { TEST_SECRET } from '../../tests/helpers/testSecret'
import { runMigrations } from '../../src/platform/database/runMigrations'
import { mergeResults, runLoad, type LoadResult } from './load'

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
  await runMigrations(database.url, root, { SECRET_KEY: TEST_SECRET, S3_BUCKET: '' })
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

export type Child = { url: string; stop: () => Promise<void> }

/**
 * Starts one of bench/servers/* and waits for its "ready" line. tsx sometimes exits 0 without
 * running the script at all when several load the Payload config at once (payloadcms/payload#17757
 * shows the same for the CLI): a silent exit before "ready" is retried, twice at most.
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
  const child: ChildProcess = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'bench', 'servers', script)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: '--no-deprecation', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} not ready in 120 s:\n${output}`)), 120_000)
    const onData = (chunk: Buffer) => {
      output += chunk
      if (output.includes('"msg":"ready"')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    void exited.then(() => {
      clearTimeout(timer)
      reject(new Error(`${script} exited before it was ready:\n${output}`))
    })
  })
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(killer)
    },
  }
}

export const describeResult = (label: string, result: LoadResult): void => {
  print(
    `${label}: ${result.requests} requests in ${result.seconds.toFixed(1)} s = ${result.rps.toFixed(0)} req/s; ` +
      `p50 ${ms(result.p50)} ms, p95 ${ms(result.p95)} ms, p99 ${ms(result.p99)} ms, max ${ms(result.max)} ms; ` +
      `statuses ${JSON.stringify(result.statuses)}`,
  )
  if (result.firstFailure) print(`  first failure: ${result.firstFailure}`)
}


export type Target = { key: string; label: string; url: string; path: (i: number) => string }
export type InterleavedResult = { merged: LoadResult; roundRps: number[] }

/**
 * Measures several servers in interleaved rounds (order reversed every other round, each warmed
 * up first), so that the machine's changing load falls on all of them alike.
 */
export const measureInterleaved = async (
  targets: readonly Target[],
  { concurrency, seconds, rounds, warmupMs }: { concurrency: number; seconds: number; rounds: number; warmupMs: number },
): Promise<Record<string, InterleavedResult>> => {
  for (const target of targets) await runLoad({ baseUrl: target.url, path: target.path, concurrency, durationMs: warmupMs })
  const runs: Record<string, LoadResult[]> = {}
  for (let round = 0; round < rounds; round++) {
    for (const target of round % 2 === 0 ? targets : [...targets].reverse()) {
      const result = await runLoad({ baseUrl: target.url, path: target.path, concurrency, durationMs: (seconds * 1000) / rounds })
      describeResult(`round ${round + 1} ${target.label}`, result)
      ;(runs[target.key] ??= []).push(result)
    }
  }
  return Object.fromEntries(
    targets.map((target) => {
      const merged = mergeResults(runs[target.key]!)
      describeResult(`${target.label}, all rounds`, merged)
      return [target.key, { merged, roundRps: runs[target.key]!.map((run) => run.rps) }]
    }),
  )
}
