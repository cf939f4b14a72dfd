import { describe, expect, it } from 'vitest'

import { leastSquaresDrift, trendDrift } from '../../../bench/lib/harness'

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

  it('shows a steady decline with one slow round in it (bench:cache 2026-12-03 14:56, our hits)', () => {
    expect(trendDrift([12594, 12374, 10929, 11533, 10963, 9497])).toBeLessThan(-0.2)
  })

  it('does not take one round the machine slowed, first or last, for a trend (least squares did)', () => {
    // bench:cache 2026-12-03: the list hit at 16:21 and the detail hit at 16:28, the other rounds flat.
    for (const rounds of [
      [6834, 11687, 11747, 12116, 12672, 11677],
      [11985, 10893, 12238, 11196, 12245, 7436],
    ]) {
      expect(Math.abs(leastSquaresDrift(rounds))).toBeGreaterThan(0.2)
      expect(Math.abs(trendDrift(rounds))).toBeLessThan(0.2)
    }
  })

  it('is 0 for fewer than two rounds', () => {
    expect(trendDrift([])).toBe(0)
    expect(trendDrift([5])).toBe(0)
    expect(leastSquaresDrift([5])).toBe(0)
  })
})
