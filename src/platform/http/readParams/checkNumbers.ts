import type { IdType } from './collectionShape'

const INTEGER = /^[-+]?\d{1,15}$/

/** An integer from a query string (`"5"`) or from GraphQL/JSON (`5`); undefined when it is not one. */
export const integerOf = (value: unknown): number | undefined => {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined
  if (typeof value === 'string' && INTEGER.test(value.trim())) return Number(value.trim())
  return undefined
}

export const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value))

/** Absent: nothing given, or an empty query-string value (`?page=`), which Payload treats as absent too. */
export const isAbsent = (value: unknown): boolean => value === undefined || value === null || value === ''

const MAX_SERIAL = 2 ** 31 - 1

/** Could a document have this id? A serial id is 1..2^31-1; a text id is a non-empty string. */
export const isPossibleId = (id: unknown, idType: IdType): boolean => {
  if (idType === 'number') {
    const value = integerOf(id)
    return value !== undefined && value >= 1 && value <= MAX_SERIAL && (typeof id === 'number' || /^\d+$/.test(String(id)))
  }
  return (
    (typeof id === 'string' || typeof id === 'number') &&
    String(id).length > 0 &&
    String(id).length <= 1024 &&
    !String(id).includes('\u0000')
  )
}
