import { describe, expect, it, vi } from 'vitest'

import { onShutdown, runShutdownTasks } from '@/platform/runtime/shutdownTasks'

describe('shutdown tasks', () => {
  it('runs each registered task once, in order, the last registration of a name winning; a failure does not stop the rest', async () => {
    const order: string[] = []
    const failed = vi.fn()
    onShutdown('pools', () => order.push('old pools'))
    onShutdown('lock', async () => {
      order.push('lock')
      throw new Error('already closed')
    })
    onShutdown('pools', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      order.push('pools')
    })
    await runShutdownTasks(failed)
    expect(order).toEqual(['pools', 'lock'])
    expect(failed).toHaveBeenCalledWith('lock', expect.any(Error))
    await runShutdownTasks(failed)
    expect(order).toEqual(['pools', 'lock'])
  })
})
