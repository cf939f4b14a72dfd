import type { Plugin } from 'payload'

import { forbiddenFieldsResponse } from './forbiddenFieldsResponse'
import { guardFields } from './guardFields'
import { refuseImpossibleIds } from './refuseImpossibleIds'
import { refuseForbiddenGlobalWrites, refuseForbiddenWrites } from './refuseForbiddenWrites'

/**
 * Refuses (403, naming the fields) a create or update that tries to change a field whose field
 * access denies it, instead of Payload's silent strip and 200. Applies to every collection and
 * global, over REST, GraphQL and the Local API with overrideAccess: false. A body's `id` the
 * collection cannot have is refused too (400).
 */
export const writeGuardPlugin = (): Plugin => (config) => ({
  ...config,
  collections: config.collections?.map((collection) => ({
    ...collection,
    fields: guardFields(collection.fields),
    hooks: {
      ...collection.hooks,
      beforeOperation: [refuseImpossibleIds, ...(collection.hooks?.beforeOperation ?? [])],
      beforeValidate: [refuseForbiddenWrites, ...(collection.hooks?.beforeValidate ?? [])],
    },
  })),
  globals: config.globals?.map((global) => ({
    ...global,
    fields: guardFields(global.fields),
    hooks: { ...global.hooks, beforeValidate: [refuseForbiddenGlobalWrites, ...(global.hooks?.beforeValidate ?? [])] },
  })),
  hooks: { ...config.hooks, afterError: [forbiddenFieldsResponse, ...(config.hooks?.afterError ?? [])] },
})
