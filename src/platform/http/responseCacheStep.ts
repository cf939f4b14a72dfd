import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Step } from './pipeline'

type ResponseCache = (
  req: IncomingMessage,
  res: ServerResponse,
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void> | void,
) => Promise<void>

/**
 * Public reads whose answer does not depend on who asks are answered from the response cache
 * (createResponseCache) before Next and Payload see them; no cache (no store), no step.
 */
export const responseCacheStep =
  (cache: ResponseCache | undefined): Step =>
  (next) =>
    cache ? (req, res) => cache(req, res, next) : next
