/**
 * Runs the load generator (bench/lib/load.ts, bench/lib/soak.ts) in a child process of its own, one
 * job at a time: the process that starts servers, samples their memory and prints never shares an
 * event loop with the requests being timed. The child is started on first use and ends with the
 * bench (it exits when its IPC channel closes).
 */
import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import type { LoadOptions, LoadResult } from './load'
import type { SoakOptions, SoakResult } from './soak'

/** A load run that can cross a process boundary: the paths (and headers) rotate by request index. */
export type RemoteLoadOptions = Omit<LoadOptions, 'path' | 'headers'> & {
  paths: readonly string[]
  headers?: readonly Record<string, string>[]
}

export type LoadJob = { id: number } & ({ kind: 'load'; options: RemoteLoadOptions } | { kind: 'soak'; options: SoakOptions })
export type LoadJobReply = { id: number; result?: LoadResult | SoakResult; error?: string }

let child: ChildProcess | undefined
let nextId = 1
const pending = new Map<number, { resolve: (value: LoadResult | SoakResult) => void; reject: (error: Error) => void }>()

const worker = (): ChildProcess => {
  if (child && child.connected) return child
  const started = fork(path.join(process.cwd(), 'bench', 'lib', 'loadWorker.ts'), [], {
    execArgv: ['--import', 'tsx'],
    // Typed arrays (the latencies) cross as they are.
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  started.on('message', (reply: LoadJobReply) => {
    const waiting = pending.get(reply.id)
    if (!waiting) return
    pending.delete(reply.id)
    if (pending.size === 0) started.channel?.unref()
    if (reply.error !== undefined) waiting.reject(new Error(`load generator: ${reply.error}`))
    else waiting.resolve(reply.result!)
  })
  started.on('exit', (code, signal) => {
    for (const [, waiting] of pending) waiting.reject(new Error(`load generator exited (${code ?? signal}) during a run`))
    pending.clear()
    if (child === started) child = undefined
  })
  // Idle, it must not keep the bench alive.
  started.unref()
  started.channel?.unref()
  child = started
  return started
}

const send = <T extends LoadResult | SoakResult>(job: LoadJob): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const target = worker()
    pending.set(job.id, { resolve: resolve as (value: LoadResult | SoakResult) => void, reject })
    target.channel?.ref()
    target.send(job)
  })

/** runLoad in the load generator's process. */
export const runLoadElsewhere = (options: RemoteLoadOptions): Promise<LoadResult> =>
  send<LoadResult>({ id: nextId++, kind: 'load', options })

/** runSoak in the load generator's process. */
export const runSoakElsewhere = (options: SoakOptions): Promise<SoakResult> => send<SoakResult>({ id: nextId++, kind: 'soak', options })

/** Ends the load generator's process (it would end with the bench anyway). */
export const stopLoadProcess = async (): Promise<void> => {
  const running = child
  child = undefined
  if (!running || running.exitCode !== null) return
  const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()))
  running.disconnect()
  const killer = setTimeout(() => running.kill('SIGKILL'), 5_000)
  await exited
  clearTimeout(killer)
}

/**
 * The i-th path of `path` for the first `samples` indexes, as a list the other process rotates
 * through (one entry when the path is fixed).
 */
export const samplePaths = (path: (i: number) => string, samples = 10_000): string[] => {
  const first = path(0)
  const sampled = Array.from({ length: samples }, (_, i) => path(i))
  return sampled.every((entry) => entry === first) ? [first] : sampled
}
