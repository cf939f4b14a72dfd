import { APIError } from 'payload'

import { DATABASE_UNAVAILABLE_MESSAGE } from './databaseUnavailable'

// The constants live apart so that server.ts reaches them without loading Payload.
export { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from './databaseUnavailable'

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
