import v8 from 'node:v8'

/**
 * Heap an index build takes at its peak per published title (rows as read, postings, garbage not
 * yet collected): 3.4-4.1 KB measured at 100k titles (heapGrowthMb in docs/benchmarks.md), with margin.
 */
export const PEAK_BYTES_PER_TITLE = 4_500

export type HeapState = { limitBytes: number; usedBytes: number }

/** The process's heap: its limit (--max-old-space-size and the young generation) and what is in use. */
export const currentHeap = (): HeapState => {
  const { heap_size_limit, used_heap_size } = v8.getHeapStatistics()
  return { limitBytes: heap_size_limit, usedBytes: used_heap_size }
}

/**
 * Whether an index of `titles` can be built without running the process out of heap: its peak
 * within 90 % of what is left. When it cannot, the server answers from the SQL rather than die.
 */
export const indexFitsInHeap = (titles: number, heap: HeapState): boolean =>
  titles * PEAK_BYTES_PER_TITLE <= (heap.limitBytes - heap.usedBytes) * 0.9
