import { APIError } from 'payload'

/** 429 with the seconds to wait; the Retry-After header is set from it. */
export class TooManyRequestsError extends APIError {
  readonly retryAfterSeconds: number

  constructor(retryAfterSeconds: number) {
    super('Too many attempts. Try again later.', 429, { retryAfterSeconds }, true)
    this.name = 'TooManyRequestsError'
    this.retryAfterSeconds = retryAfterSeconds
  }
}
