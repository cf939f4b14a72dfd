import { describe, expect, it } from 'vitest'

import { correlation } from '../../../bench/lib/harness'

describe('correlation (bench:host-phases: do two servers slow down in the same rounds?)', () => {
  it('is 1 for series that rise and fall together, whatever their scale', () => {
    expect(correlation([1, 2, 3, 2], [10, 20, 30, 20])).toBeCloseTo(1, 9)
  })

  it('is -1 for series that move against each other', () => {
    expect(correlation([9000, 6000, 9000, 6000], [5000, 8000, 5000, 8000])).toBeCloseTo(-1, 9)
  })

  it('is near 0 for unrelated series', () => {
    expect(Math.abs(correlation([1, 2, 1, 2, 1, 2, 1, 2], [1, 1, 2, 2, 1, 1, 2, 2]))).toBeLessThan(1e-9)
  })

  it('is NaN when a series never changes (nothing to correlate)', () => {
    expect(correlation([5, 5, 5], [1, 2, 3])).toBeNaN()
  })
})
