import {
  docAccessOperationGlobal,
  isolateObjectProperty,
  NotFound,
  type GraphQLExtension,
  type PayloadRequest,
  type SanitizedGlobalConfig,
} from 'payload'

import { checkReadParams, type ReadOperation } from './checkReadParams'
import { readLimitsOf } from './readLimits'
import { ReadParamsRefusal } from './ReadParamsRefusal'
import { readShapesOfPayload } from './shapesOfPayload'

type Resolver = (source: unknown, args: Record<string, unknown>, context: { req: PayloadRequest }, info: unknown) => unknown
type QueryField = { type: unknown; args?: Record<string, unknown>; resolve?: Resolver }
type GlobalTypes = Record<string, { type?: { name?: string }; versionType?: unknown } | undefined>

const guarded = (field: QueryField, slug: string, operation: ReadOperation): QueryField => ({
  ...field,
  resolve: (source, args, context, info) => {
    const { req } = context
    const verdict = checkReadParams({
      operation,
      shape: readShapesOfPayload(req.payload).globals.get(slug),
      params: { where: args.where, sort: args.sort, limit: args.limit, page: args.page, pagination: args.pagination },
      id: args.id,
      limits: readLimitsOf(req.payload.config),
      // Payload reads versions of globals over GraphQL at depth 0.
      defaultDepth: 0,
    })
    if (!verdict.ok) throw verdict.status === 404 ? new NotFound(req.t) : new ReadParamsRefusal(verdict.problems)
    const { depth: _depth, ...applied } = verdict.applied
    return field.resolve!(source, { ...args, ...applied }, context, info)
  },
})

type OutputType = { ofType?: OutputType; getFields?: () => Record<string, { type: OutputType }> }

/**
 * Payload's docAccess operations answer sanitized permissions, where `true` stands for a whole
 * subtree (`read: true`, `fields: true`) and a denied one is left out, but the GraphQL policy types want `{ permission }` at
 * every leaf: `read { permission }` was a non-null error (a 500). Spreads each boolean down the
 * type's shape.
 */
export const spreadPermissions = (value: unknown, type: OutputType | undefined): unknown => {
  let named = type
  while (named?.ofType) named = named.ofType
  const fields = named?.getFields?.()
  if (!fields) return value
  if (typeof value === 'boolean') {
    if ('permission' in fields) return { permission: value }
    return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, spreadPermissions(value, field.type)]))
  }
  if (typeof value !== 'object' || value === null) return value
  const record = value as Record<string, unknown>
  if ('permission' in fields) return record
  // Sanitizing drops what is denied: an absent key is `false`.
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, spreadPermissions(record[name] ?? false, field.type)]))
}

const withSpreadPermissions = (field: QueryField): QueryField => ({
  ...field,
  resolve: async (source, args, context, info) =>
    spreadPermissions(await field.resolve!(source, args, context, info), (info as { returnType?: OutputType }).returnType),
})

/**
 * Payload 3.90.1's `docAccess<Global>` resolver takes the GraphQL context as its second parameter,
 * which is the arguments: `req` is undefined there and every call was a TypeError (a 500). The
 * same operation, with the context where GraphQL passes it.
 */
const docAccessOf = (field: QueryField, globalConfig: SanitizedGlobalConfig): QueryField => ({
  ...field,
  resolve: (_source, _args, context) =>
    docAccessOperationGlobal({ globalConfig, req: isolateObjectProperty(context.req, 'transactionID') }),
})

/**
 * Payload's version queries of globals (`versions<Global>`, `version<Global>`) run no
 * beforeOperation hook, so the read-parameter checks of collections never see them: `page: -1`
 * reached PostgreSQL as a negative OFFSET (a 500). This extension hands the same queries back with
 * the checks in front of Payload's resolvers, and the docAccess queries repaired; custom queries
 * (`queries`) come after, unchanged.
 */
export const withGuardedGlobalQueries =
  (queries?: GraphQLExtension): GraphQLExtension =>
  (graphQL, context) => {
    const fields = context.Query.fields as Record<string, QueryField | undefined>
    // Payload keys both by the global's index in `config.globals` (Object.keys of the array).
    const { config: globalConfigs, graphQL: globalTypes = {} } = context.globals as unknown as {
      config: SanitizedGlobalConfig[]
      graphQL?: GlobalTypes
    }
    const guards: Record<string, QueryField> = {}
    for (const [key, types] of Object.entries(globalTypes)) {
      const globalConfig = globalConfigs[Number(key)]
      const slug = globalConfig?.slug
      const name = types?.type?.name
      if (!globalConfig || !slug || !name) continue
      const docAccess = fields[`docAccess${name}`]
      if (docAccess?.resolve) guards[`docAccess${name}`] = withSpreadPermissions(docAccessOf(docAccess, globalConfig))
      if (!types.versionType) continue
      const list = fields[`versions${name}`]
      if (list?.resolve) guards[`versions${name}`] = guarded(list, slug, 'findVersions')
      // `version<Global>` is named through Payload's formatName: found by the type it returns.
      const byId = Object.entries(fields).find(([key, field]) => key.startsWith('version') && field?.type === types.versionType)
      if (byId?.[1]?.resolve) guards[byId[0]] = guarded(byId[1], slug, 'findVersionByID')
    }
    for (const [name, field] of Object.entries(fields)) {
      if (name.startsWith('docAccess') && field?.resolve && !guards[name]) guards[name] = withSpreadPermissions(field)
    }
    return { ...guards, ...(queries?.(graphQL, context) ?? {}) }
  }
