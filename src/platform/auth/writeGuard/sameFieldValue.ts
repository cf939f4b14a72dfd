type Plain = Record<string, unknown>

const isPlainObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date)

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/

const timeOf = (value: unknown): number | undefined => {
  if (value instanceof Date) return value.getTime()
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    const time = Date.parse(value)
    return Number.isNaN(time) ? undefined : time
  }
  return undefined
}

/** Nothing stored and nothing sent look alike: undefined, null, '' and []. */
const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)

const isPrimitiveId = (value: unknown): value is string | number => typeof value === 'string' || typeof value === 'number'

/**
 * Whether a submitted value says the same as the stored one, so sending it back is not a change:
 * a populated document equals its id (`{id: 3, ...}` and `3`), ids compare as text (`'3'` and
 * `3`), dates compare as instants, empty values are interchangeable, and an array row or block
 * sent without its `id` matches the stored row with one.
 */
export const sameFieldValue = (submitted: unknown, stored: unknown): boolean => {
  if (isEmpty(submitted) && isEmpty(stored)) return true
  if (submitted === stored) return true
  const submittedTime = timeOf(submitted)
  const storedTime = timeOf(stored)
  if (submittedTime !== undefined && storedTime !== undefined) return submittedTime === storedTime
  if (isPrimitiveId(submitted) && isPrimitiveId(stored)) {
    return typeof submitted !== typeof stored && String(submitted) === String(stored)
  }
  // A relationship sent populated, stored as an id (or the other way round).
  if (isPlainObject(submitted) && isPrimitiveId(stored)) return 'id' in submitted && sameFieldValue(submitted.id, stored)
  if (isPrimitiveId(submitted) && isPlainObject(stored)) return 'id' in stored && sameFieldValue(submitted, stored.id)
  if (Array.isArray(submitted) && Array.isArray(stored)) {
    return submitted.length === stored.length && submitted.every((item, index) => sameFieldValue(item, stored[index]))
  }
  if (isPlainObject(submitted) && isPlainObject(stored)) {
    const keys = new Set([...Object.keys(submitted), ...Object.keys(stored)])
    // A row sent without its id is compared by content.
    if (submitted.id === undefined || stored.id === undefined) keys.delete('id')
    return [...keys].every((key) => sameFieldValue(submitted[key], stored[key]))
  }
  return false
}
