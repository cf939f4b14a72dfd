import type { IncomingMessage, ServerResponse } from 'node:http'

import { type RequestContext, runWithRequestContext } from '../observability/requestContext'
import { answerUnavailableOnDependencyFailure } from './answerUnavailableOnDependencyFailure'
import type { Step } from './pipeline'

/**
 * The first step: every request gets its id and its access-log line (`observe`), code running for
 * it logs with the id, and whatever Payload made of a database failure (401/403 for a failed
 * session lookup) is answered 503.
 */
export const requestContext =
  ({
    observe,
    onDependencyFailure,
  }: {
    observe: (req: IncomingMessage, res: ServerResponse) => RequestContext
    /** Told each time a response is replaced by the 503. */
    onDependencyFailure?: () => void
  }): Step =>
  (next) =>
  (req, res) => {
    const context = observe(req, res)
    answerUnavailableOnDependencyFailure(res, context, onDependencyFailure)
    return runWithRequestContext(context, () => next(req, res))
  }
