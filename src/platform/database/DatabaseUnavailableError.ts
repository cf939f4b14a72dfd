import { APIError } from 'payload'

/** Seconds a client is asked to wait before retrying while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5

export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is temporarily unavailable. Please retry shortly.'

/**
 * What a Payload operation throws when the database could not be reached or did not answer in
 * time: 503 with a public message. Its class name is mapped to "do not log" in the config's
 * `loggingLevels`: the availability monitor logs the outage once, not once per request.
 */
export class DatabaseUnavailableError extends APIError {
  constructor() {
    super(DATABASE_UNAVAILABLE_MESSAGE, 503, undefined, true)
    this.name = 'DatabaseUnavailableError'
  }
}
