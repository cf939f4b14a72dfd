type Step = string | number

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/** Where `target` sits inside `root` (by identity), as keys and array indexes; undefined if absent. */
export const pathOf = (root: unknown, target: object, seen = new Set<unknown>()): Step[] | undefined => {
  if (root === target) return []
  if (!isObject(root) || seen.has(root)) return undefined
  seen.add(root)
  const entries: [Step, unknown][] = Array.isArray(root) ? root.map((value, index) => [index, value]) : Object.entries(root)
  for (const [step, value] of entries) {
    const rest = pathOf(value, target, seen)
    if (rest) return [step, ...rest]
  }
  return undefined
}

/**
 * The stored counterpart of the object at `path` in the submitted data: keys are followed as
 * they are; an array row is matched by its `id` when the submitted row has one (rows may be
 * reordered or added), else by position.
 */
export const storedAt = (submittedRoot: unknown, storedRoot: unknown, path: Step[]): unknown => {
  let submitted: unknown = submittedRoot
  let stored: unknown = storedRoot
  for (const step of path) {
    if (!isObject(submitted) || !isObject(stored)) return undefined
    const submittedNext: unknown = (submitted as Record<Step, unknown>)[step]
    if (typeof step === 'number' && Array.isArray(stored)) {
      const id = isObject(submittedNext) ? submittedNext.id : undefined
      stored = id !== undefined && id !== null ? stored.find((row: unknown) => isObject(row) && row.id === id) : stored[step]
    } else {
      stored = (stored as Record<Step, unknown>)[step]
    }
    submitted = submittedNext
  }
  return stored
}
