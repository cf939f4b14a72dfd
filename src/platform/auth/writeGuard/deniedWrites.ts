/**
 * The fields a write tried to change but may not, per operation: keyed by the data object Payload
 * passes both to field access and to the collection's first beforeValidate hook.
 */
const denied = new WeakMap<object, Set<string>>()

export const recordDeniedWrite = (data: object, path: string): void => {
  const fields = denied.get(data) ?? new Set<string>()
  fields.add(path)
  denied.set(data, fields)
}

/** The fields recorded for this write (and forgets them). */
export const takeDeniedWrites = (data: object): string[] => {
  const fields = denied.get(data)
  denied.delete(data)
  return fields ? [...fields] : []
}
