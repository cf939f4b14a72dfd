import { describe, expect, it } from 'vitest'

import { currentHeap, indexFitsInHeap, PEAK_BYTES_PER_TITLE } from '@/domains/anime/search/memory/heapBudget'

describe('indexFitsInHeap', () => {
  const heap = { limitBytes: 640 * 2 ** 20, usedBytes: 100 * 2 ** 20 }

  it('fits 100,000 titles in the 640 MB heap the README gives them, not in the deployed 256 MB', () => {
    expect(indexFitsInHeap(100_000, heap)).toBe(true)
    expect(indexFitsInHeap(100_000, { limitBytes: 256 * 2 ** 20, usedBytes: 100 * 2 ** 20 })).toBe(false)
  })

  it('keeps a tenth of what is left free, and an empty catalog always fits', () => {
    const left = (heap.limitBytes - heap.usedBytes) * 0.9
    expect(indexFitsInHeap(Math.floor(left / PEAK_BYTES_PER_TITLE), heap)).toBe(true)
    expect(indexFitsInHeap(Math.floor(left / PEAK_BYTES_PER_TITLE) + 1, heap)).toBe(false)
    expect(indexFitsInHeap(0, { limitBytes: 1, usedBytes: 1 })).toBe(true)
  })

  it('reads the process heap: a limit above what is in use', () => {
    const now = currentHeap()
    expect(now.limitBytes).toBeGreaterThan(now.usedBytes)
    expect(now.usedBytes).toBeGreaterThan(0)
  })
})
