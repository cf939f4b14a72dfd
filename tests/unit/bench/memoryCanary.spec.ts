import { describe, expect, it } from 'vitest'

import { canaryWithin } from '../../../bench/lib/memoryCanary'
import { randomCycle } from '../../../bench/lib/randomCycle'

/** A seeded generator, so a failure can be replayed. */
const seeded = (seed: number) => () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0
  return seed / 2 ** 32
}

describe('randomCycle (bench:host-phases memory canary)', () => {
  it('is one cycle through every index: following it from 0 visits all before returning', () => {
    for (const length of [2, 3, 10, 1_000]) {
      const next = randomCycle(length, seeded(length))
      const seen = new Set<number>()
      let position = 0
      do {
        seen.add(position)
        position = next[position]!
      } while (position !== 0 && seen.size <= length)
      expect(seen.size).toBe(length)
    }
  })

  it('never maps an index to itself nor in index order (each step is a jump, not a stride)', () => {
    const next = randomCycle(1_000, seeded(7))
    expect(next.every((value, index) => value !== index)).toBe(true)
    expect(next.filter((value, index) => value === index + 1).length).toBeLessThan(10)
  })
})

describe('canaryWithin', () => {
  const samples = [
    { at: 1_000, chasePerCpuMs: 100, spinPerCpuMs: 9 },
    { at: 2_000, chasePerCpuMs: 300, spinPerCpuMs: 7 },
    { at: 3_000, chasePerCpuMs: 200, spinPerCpuMs: 8 },
    { at: 9_000, chasePerCpuMs: 5, spinPerCpuMs: 1 },
  ]

  it('takes the median of the samples inside the window, ends included', () => {
    expect(canaryWithin(samples, 1_000, 3_000)).toEqual({ chase: 200, spin: 8 })
  })

  it('leaves out samples outside the window', () => {
    expect(canaryWithin(samples, 1_500, 9_500)).toEqual({ chase: 200, spin: 7 })
  })

  it('is NaN for a window without samples', () => {
    expect(canaryWithin(samples, 4_000, 8_000)).toEqual({ chase: NaN, spin: NaN })
  })
})
