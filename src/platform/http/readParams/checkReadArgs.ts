import { NotFound, type CollectionBeforeOperationHook, type PayloadRequest } from 'payload'

import { checkReadParams, type ReadOperation } from './checkReadParams'
import { collectionShapeFor } from './shapesOfPayload'
import { readLimitsOf } from './readLimits'
import { ReadParamsRefusal } from './ReadParamsRefusal'

/** `req.context[SKIP_READ_PARAM_CHECKS] = true`: an internal call that may read past the caps. */
export const SKIP_READ_PARAM_CHECKS = 'skipReadParamChecks'

type ReadArgs = Record<string, unknown> & { id?: unknown; overrideAccess?: boolean; disableErrors?: boolean; currentDepth?: number }

/**
 * A caller's read, not Payload's own: it came in over REST or GraphQL, with access control on, and
 * is not one of the finds Payload runs to populate relationships (those pass `disableErrors` and
 * `currentDepth`) or a call our code marked through `req.context`.
 */
const isCallersRead = (args: ReadArgs, req: PayloadRequest, overrideAccess: boolean | undefined): boolean =>
  (req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL') &&
  overrideAccess !== true &&
  args.disableErrors !== true &&
  args.currentDepth === undefined &&
  req.context?.[SKIP_READ_PARAM_CHECKS] !== true

/**
 * The hook sees all four reads as `read`: the document reads (REST and GraphQL) pass a `draft`
 * argument, the version reads never do; by-id reads pass an `id`.
 */
const readOperationOf = (operation: string, args: ReadArgs): ReadOperation => {
  if (operation === 'count' || operation === 'countVersions') return operation
  const document = 'draft' in args
  if (args.id !== undefined) return document ? 'findByID' : 'findVersionByID'
  return document ? 'find' : 'findVersions'
}

/**
 * The same rules as server.ts's guard, for GraphQL and for REST requests that reach Payload some
 * other way: refuses bad parameters (400, or 404 for an impossible id) and applies the caps, so the
 * response's `limit` is the one used.
 */
export const checkReadArgs: CollectionBeforeOperationHook = ({ args, operation, req, overrideAccess, collection }) => {
  if (operation !== 'read' && operation !== 'count' && operation !== 'countVersions') return args
  const readArgs = args as ReadArgs
  if (!isCallersRead(readArgs, req, overrideAccess)) return args
  const { where, sort, limit, page, depth, pagination, joins } = readArgs
  const verdict = checkReadParams({
    operation: readOperationOf(operation, readArgs),
    shape: collectionShapeFor(req.payload, collection.slug),
    params: { where, sort, limit, page, depth, pagination, joins },
    id: readArgs.id,
    limits: readLimitsOf(req.payload.config),
    defaultDepth: req.payload.config.defaultDepth,
  })
  if (!verdict.ok) throw verdict.status === 404 ? new NotFound(req.t) : new ReadParamsRefusal(verdict.problems)
  return { ...args, ...verdict.applied }
}
