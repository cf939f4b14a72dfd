import { needsDatabase } from './needsDatabase'
import type { Handler } from './pipeline'
import { writeServiceUnavailable } from './serviceUnavailable'

export type { Handler } from './pipeline'

/**
 * While the database is known to be down, a request that needs it is answered 503 at once, before
 * Next and Payload: no waiting for a connection timeout, no error logged per request. What needs
 * no database (cache hits before this step, static assets, /health) is still served.
 */
export const createDatabaseOutageGate =
  ({ isDatabaseDown, onRefused }: { isDatabaseDown: () => boolean; onRefused?: () => void }) =>
  (next: Handler): Handler =>
  (req, res) => {
    if (isDatabaseDown() && needsDatabase(req)) {
      onRefused?.()
      writeServiceUnavailable(res)
      return
    }
    return next(req, res)
  }
