import type { SanitizedConfig, SanitizedGlobalConfig } from 'payload'

import { json, paginated, ref, standardErrors, versionOf } from './commonSchemas'
import { listParameters, readParameters, writeParameters } from './queryParameters'
import type { JsonSchema, OperationObject } from './types'

type Context = { global: SanitizedGlobalConfig; config: SanitizedConfig }
type Builder = (context: Context) => Omit<OperationObject, 'tags' | 'operationId'>

const hasDrafts = (global: SanitizedGlobalConfig): boolean => Boolean(global.versions && global.versions.drafts)
const doc = ({ global }: Context): JsonSchema => ref(global.slug)

const ok = (description: string, schema: JsonSchema): OperationObject['responses'] => ({
  '200': { description, content: json(schema) },
  ...standardErrors(),
})

/** Payload's built-in global routes, keyed `<method> <path>` as in the sanitized config. */
export const GLOBAL_OPERATIONS: Record<string, Builder> = {
  'get /': (c) => ({
    summary: `Get the ${c.global.slug} global`,
    parameters: readParameters(c.config, { drafts: hasDrafts(c.global) }),
    responses: ok('The global.', doc(c)),
  }),
  'post /': (c) => ({
    summary: `Update the ${c.global.slug} global`,
    parameters: writeParameters(c.config, { drafts: hasDrafts(c.global) }),
    requestBody: { required: true, content: json({ ...doc(c) }) },
    responses: ok('The updated global.', { type: 'object', properties: { result: doc(c), message: { type: 'string' } } }),
  }),
  'post /access': () => ({
    summary: 'What the current user may do with this global',
    responses: ok('Permissions per operation and field.', { type: 'object' }),
  }),
  'get /versions': (c) => ({
    summary: `List versions of the ${c.global.slug} global`,
    parameters: listParameters(c.config, { drafts: false }),
    responses: ok('A page of versions.', paginated(versionOf(doc(c)))),
  }),
  'get /versions/:id': (c) => ({
    summary: `Get a version of the ${c.global.slug} global`,
    parameters: readParameters(c.config, { drafts: false }),
    responses: ok('The version.', versionOf(doc(c))),
  }),
  'post /versions/:id': (c) => ({
    summary: `Restore a version of the ${c.global.slug} global`,
    parameters: writeParameters(c.config, { drafts: hasDrafts(c.global) }),
    responses: ok('The restored global.', { type: 'object', properties: { doc: doc(c), message: { type: 'string' } } }),
  }),
}
