type Task = () => unknown

/**
 * Work to do when the server shuts down, before the embedded database stops: closing what Payload
 * opened (its pools, the job runner's lock connection) so no connection is cut by the database
 * going away. On globalThis: Payload runs in Next's bundle, which loads its own copy of this
 * module, and server.ts runs the tasks.
 */
const tasks = (): Map<string, Task> =>
  ((globalThis as Record<symbol, unknown>)[Symbol.for('cms.runtime.shutdownTasks')] ??= new Map<string, Task>()) as Map<string, Task>

/** Registers (or replaces) the task called `name`. */
export const onShutdown = (name: string, task: Task): void => {
  tasks().set(name, task)
}

/** Runs the registered tasks once, one after the other, in the order they were registered; a failed one does not stop the rest. */
export const runShutdownTasks = async (onError?: (name: string, error: unknown) => void): Promise<void> => {
  const pending = [...tasks().entries()]
  tasks().clear()
  for (const [name, task] of pending) {
    try {
      await task()
    } catch (error) {
      onError?.(name, error)
    }
  }
}
