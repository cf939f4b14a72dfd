import type { AfterErrorHook, Payload, Plugin } from 'payload'

import { checkReadArgs } from './checkReadArgs'
import { withGuardedGlobalQueries } from './guardGlobalQueries'
import { refusalBody } from './problems'
import { publishReadConfig } from './publishedShapes'
import { withReadLimits, type ReadLimits } from './readLimits'
import { READ_PARAMS_REFUSAL, type ReadParamsRefusal } from './ReadParamsRefusal'
import { readShapesOfPayload } from './shapesOfPayload'

/** REST answers a refusal in our shape, `{ errors: [{ message, field }] }`, as server.ts's guard does. */
const answerReadParamsRefusal: AfterErrorHook = ({ error }) => {
  if (error.name !== READ_PARAMS_REFUSAL) return undefined
  const { data } = error as ReadParamsRefusal
  return { response: refusalBody(data.errors), status: 400 }
}

/**
 * Payload adds its own collections (preferences, locked documents, jobs, kv, migrations) after the
 * plugins have run, so no plugin can give them a hook; their reads took `page: -23` to PostgreSQL
 * (a 500). The sanitized config is what the operations read their hooks from: the check joins there.
 */
const guardPayloadsOwnCollections = (payload: Payload): void => {
  for (const collection of payload.config.collections) {
    const hooks = (collection.hooks.beforeOperation ??= [])
    if (!hooks.includes(checkReadArgs)) hooks.push(checkReadArgs)
  }
}

/**
 * Holds every caller's read to the caps and checks its parameters (see checkReadParams), over REST
 * and GraphQL alike: a beforeOperation hook on every collection, the version queries of globals
 * guarded in the GraphQL schema, the caps in `config.custom` for
 * the OpenAPI document, and the shapes published for server.ts's guard once Payload is up.
 */
export const readParamsPlugin =
  ({ limits }: { limits: ReadLimits }): Plugin =>
  (config) => ({
    ...config,
    custom: withReadLimits(config.custom, limits),
    collections: (config.collections ?? []).map((collection) => ({
      ...collection,
      hooks: { ...collection.hooks, beforeOperation: [...(collection.hooks?.beforeOperation ?? []), checkReadArgs] },
    })),
    graphQL: { ...config.graphQL, queries: withGuardedGlobalQueries(config.graphQL?.queries) },
    hooks: { ...config.hooks, afterError: [...(config.hooks?.afterError ?? []), answerReadParamsRefusal] },
    // A refused parameter is the caller's mistake, not an error worth a stack trace.
    loggingLevels: { ...config.loggingLevels, [READ_PARAMS_REFUSAL]: 'info' },
    onInit: async (payload) => {
      guardPayloadsOwnCollections(payload)
      publishReadConfig({
        shapes: readShapesOfPayload(payload),
        apiRoute: payload.config.routes.api,
        defaultDepth: payload.config.defaultDepth,
      })
      await config.onInit?.(payload)
    },
  })
