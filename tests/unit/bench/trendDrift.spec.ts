import { describe, expect, it } from 'vitest'

import { trendDrift } from '../../../bench/lib/harness'

describe('trendDrift (the §7 drift of bench rounds)', () => {
  it('is the first-to-last change against the mean on a straight line', () => {
    // 100 -> 70 over four rounds: -30 against a mean of 85.
    expect(trendDrift([100, 90, 80, 70])).toBeCloseTo(-30 / 85, 6)
    expect(trendDrift([1386, 1386, 1386, 1386])).toBe(0)
  })

  it('shows a generator that slows itself down, as the old bench did (1,386 -> 849 req/s)', () => {
    expect(trendDrift([1386, 1150, 990, 849])).toBeLessThan(-0.2)
  })

  it('does not take one noisy last round for a trend', () => {
    // The bench:cache list series of 2026-12-02: first-to-last +29 %, no trend before the last round.
    const rounds = [3969, 4239, 3889, 4020, 4100, 5101]
    expect(rounds[5]! / rounds[0]! - 1).toBeGreaterThan(0.2)
    expect(Math.abs(trendDrift(rounds))).toBeLessThan(0.2)
  })

  it('is 0 for fewer than two rounds', () => {
    expect(trendDrift([])).toBe(0)
    expect(trendDrift([5])).toBe(0)
  })
})
