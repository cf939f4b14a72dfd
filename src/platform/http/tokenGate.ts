import type { IncomingMessage, ServerResponse } from 'node:http'

// The files themselves, not the auth barrel: server.ts loads this, and the barrel would load Payload.
import type { BearerVerdict } from '../auth/bearerGate'
import { readBearerToken } from '../auth/tokens/bearerToken'
import { isDatabaseUnavailableError } from '../database/connectionErrors'
import type { Handler } from './pipeline'
import { writeServiceUnavailable } from './serviceUnavailable'
import { markVerifiedReader } from './verifiedReaders'

type Logger = { error: (details: object, message: string) => void }

const writeInvalidToken = (res: ServerResponse): void => {
  res.writeHead(401, { 'Content-Type': 'application/json', 'WWW-Authenticate': 'Bearer error="invalid_token"' })
  res.end(JSON.stringify({ errors: [{ message: 'The access token is invalid, expired or revoked.' }] }))
}

/**
 * Payload would treat a bad or revoked token as anonymous; a client deserves to hear 401. Only a
 * token that is verifiably bad is 401: when its session cannot be checked (database down or too
 * slow, or already known to be down) the answer is 503 + Retry-After, and the client keeps it.
 * A valid token of a user without a staff role marks the request (markVerifiedReader): the response
 * cache may then answer it as it answers an anonymous caller.
 */
export const createTokenGate =
  ({
    judgeToken,
    isDatabaseDown,
    onDatabaseFailure,
    logger,
  }: {
    judgeToken: (token: string) => Promise<BearerVerdict>
    isDatabaseDown: () => boolean
    /** Told of each failed check that means "database unavailable" (the outage monitor). */
    onDatabaseFailure: (error: unknown) => void
    logger: Logger
  }) =>
  (next: Handler): Handler =>
  (req: IncomingMessage, res: ServerResponse) => {
    const token = req.url?.startsWith('/api/') ? readBearerToken(req.headers.authorization) : undefined
    if (!token) return next(req, res)
    if (isDatabaseDown()) {
      writeServiceUnavailable(res)
      return
    }
    judgeToken(token)
      .then((verdict) => {
        if (verdict.outcome === 'invalid') return writeInvalidToken(res)
        if (verdict.outcome === 'valid' && !verdict.staff) markVerifiedReader(req)
        void next(req, res)
      })
      .catch((error: unknown) => {
        if (isDatabaseUnavailableError(error)) onDatabaseFailure(error)
        else logger.error({ err: error }, 'token check failed')
        writeServiceUnavailable(res)
      })
  }
