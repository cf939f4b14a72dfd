type WakeState = { listeners: Set<() => void> }

// Shared by every copy of this module in the process: hooks run in Next's bundle, the relay in server.ts.
const state = ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.events.relayWake')] ??= { listeners: new Set() }) as WakeState

/** Tells this process's relay that new outbox rows have committed: publish now, not at the next poll. */
export const wakeRelay = (): void => {
  for (const listener of state.listeners) listener()
}

export const onRelayWake = (listener: () => void): (() => void) => {
  state.listeners.add(listener)
  return () => state.listeners.delete(listener)
}
