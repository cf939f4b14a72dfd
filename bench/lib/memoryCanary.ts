/**
 * A canary for the machine's memory system, for bench:host-phases: a process of its own that, every
 * `periodMs`, times a pointer chase through a random cycle far larger than any CPU cache (each step
 * waits on main memory) and a loop that stays in registers, each for `burstMs`, as work per CPU
 * millisecond. If the memory-bound figure swings while the register-bound one holds, the machine's
 * memory got slower (another tenant of the host, not our code); if both hold while a server's
 * rounds swing, the swing is the server's.
 */
import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { median } from './harness'

/** One measurement: when it ended (epoch ms), chase steps and register-loop iterations per CPU ms. */
export type CanarySample = { at: number; chasePerCpuMs: number; spinPerCpuMs: number }

export type CanaryOptions = { megabytes: number; burstMs: number; periodMs: number }

/** The median of each figure over the samples taken within [start, end] (NaN when none were). */
export const canaryWithin = (samples: readonly CanarySample[], start: number, end: number): { chase: number; spin: number } => {
  const inside = samples.filter((sample) => sample.at >= start && sample.at <= end)
  if (inside.length === 0) return { chase: NaN, spin: NaN }
  return { chase: median(inside.map((sample) => sample.chasePerCpuMs)), spin: median(inside.map((sample) => sample.spinPerCpuMs)) }
}

export type MemoryCanary = { samples: () => readonly CanarySample[]; stop: () => Promise<void> }

/** Starts the canary (bench/lib/memoryCanaryWorker.ts) and resolves once its array is built. */
export const startMemoryCanary = (options: CanaryOptions): Promise<MemoryCanary> =>
  new Promise((resolve, reject) => {
    const samples: CanarySample[] = []
    const child: ChildProcess = fork(path.join(process.cwd(), 'bench', 'lib', 'memoryCanaryWorker.ts'), [JSON.stringify(options)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    const exited = new Promise<void>((done) => child.once('exit', () => done()))
    const stop = async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      await exited
    }
    child.on('message', (message: 'ready' | CanarySample) => {
      if (message === 'ready') resolve({ samples: () => samples, stop })
      else samples.push(message)
    })
    child.once('exit', (code, signal) => reject(new Error(`memory canary exited (${code ?? signal}) before it was ready`)))
  })
