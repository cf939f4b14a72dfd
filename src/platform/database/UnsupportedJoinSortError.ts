import { APIError } from 'payload'

/** 400: a join sort the database adapter cannot run (see refuseLocalizedJoinSort). Named for `loggingLevels`. */
export class UnsupportedJoinSortError extends APIError {
  constructor(field: string, collection: string, localizedField: string) {
    super(`${field}: joined ${collection} cannot be sorted by "${localizedField}", a localized field`, 400, { field }, true)
    this.name = 'UnsupportedJoinSortError'
  }
}
