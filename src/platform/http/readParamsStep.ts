import type { IncomingMessage, ServerResponse } from 'node:http'

import type { Step } from './pipeline'

/**
 * Bad read parameters are refused (400/404) before the cache and Payload; `guard` answers them and
 * says so (true), or applies the caps to the URL and lets the request on (createReadParamsGuard).
 */
export const readParamsStep =
  (guard: (req: IncomingMessage, res: ServerResponse) => boolean): Step =>
  (next) =>
  (req, res) =>
    guard(req, res) ? undefined : next(req, res)
