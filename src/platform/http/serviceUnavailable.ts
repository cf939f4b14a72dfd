import type { ServerResponse } from 'node:http'

import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_MESSAGE } from '../database/databaseUnavailable'

/**
 * 503 + Retry-After in the API's error shape: a dependency failed, the caller did nothing wrong and
 * should retry. Never 4xx (which blames the caller), never 401 (which makes a client drop its token).
 */
export const writeServiceUnavailable = (
  res: ServerResponse,
  message = DATABASE_UNAVAILABLE_MESSAGE,
  retryAfterSeconds = DATABASE_RETRY_AFTER_SECONDS,
): void => {
  const body = JSON.stringify({ errors: [{ message }] })
  res.writeHead(503, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
    'Retry-After': String(retryAfterSeconds),
    'Cache-Control': 'no-store',
  })
  res.end(body)
}
