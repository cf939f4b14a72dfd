/**
 * The memory canary's process (started by bench/lib/memoryCanary.ts): builds its cycle, says
 * `ready`, then every periodMs sends one CanarySample until it is stopped. Each burst costs
 * 2 x burstMs of CPU per periodMs (the default 30 ms of 400: 15 % of a core).
 */
import type { CanaryOptions, CanarySample } from './memoryCanary'
import { randomCycle } from './randomCycle'

const { megabytes, burstMs, periodMs } = JSON.parse(process.argv[2] ?? '{}') as CanaryOptions
const next = randomCycle((megabytes * 1024 * 1024) / Int32Array.BYTES_PER_ELEMENT)
let position = 0
let register = 1

const cpuMs = (): number => {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

/** Runs `step` in batches for `ms` of wall time; its count per CPU millisecond. */
const perCpuMs = (ms: number, batch: number, step: () => void): number => {
  const cpuBefore = cpuMs()
  const deadline = performance.now() + ms
  let count = 0
  while (performance.now() < deadline) {
    for (let k = 0; k < batch; k++) step()
    count += batch
  }
  return count / Math.max(cpuMs() - cpuBefore, 1e-3)
}

const chase = () => {
  position = next[position]!
}
const spin = () => {
  register = (Math.imul(register, 1103515245) + 12345) | 0
}

const measure = () => {
  const chasePerCpuMs = perCpuMs(burstMs, 2_000, chase)
  const spinPerCpuMs = perCpuMs(burstMs, 20_000, spin)
  process.send?.({ at: Date.now(), chasePerCpuMs, spinPerCpuMs } satisfies CanarySample)
}

process.send?.('ready')
setInterval(measure, periodMs)
// The bench went away: so does the canary.
process.on('disconnect', () => process.exit(0))
