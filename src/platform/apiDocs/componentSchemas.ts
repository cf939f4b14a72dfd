import { initI18n } from '@payloadcms/translations'
import { configToJSONSchema, type FlattenedField, type SanitizedConfig } from 'payload'

import type { JsonSchema } from './types'

type WithFields = { flattenedFields: FlattenedField[] }

/**
 * Hidden fields (an auth collection's hash, salt, reset tokens, sessions, ...) never leave the
 * server, so they are dropped before the schemas are generated, at every depth.
 */
export const withoutHiddenFields = (fields: FlattenedField[]): FlattenedField[] =>
  fields
    .filter((field) => !('hidden' in field && field.hidden === true))
    .map((field) => {
      const copy = { ...field } as FlattenedField & Partial<WithFields> & { blocks?: (WithFields & object)[] }
      if (copy.flattenedFields) copy.flattenedFields = withoutHiddenFields(copy.flattenedFields)
      if (Array.isArray(copy.blocks)) {
        copy.blocks = copy.blocks.map((block) =>
          typeof block === 'object' && block.flattenedFields
            ? { ...block, flattenedFields: withoutHiddenFields(block.flattenedFields) }
            : block,
        )
      }
      return copy as FlattenedField
    })

const visibleOnly = (config: SanitizedConfig): SanitizedConfig => ({
  ...config,
  collections: config.collections.map((collection) => ({
    ...collection,
    flattenedFields: withoutHiddenFields(collection.flattenedFields),
  })),
  globals: config.globals.map((global) => ({ ...global, flattenedFields: withoutHiddenFields(global.flattenedFields) })),
  blocks: config.blocks?.map((block) => ({ ...block, flattenedFields: withoutHiddenFields(block.flattenedFields) })),
})

/** JSON Schema's `#/definitions/a` (and the nested `#/definitions/auth/users`) to OpenAPI's components. */
const componentName = (definitionPath: string): string => definitionPath.split('/').join('_')

const rewriteRefs = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(rewriteRefs)
  if (!value || typeof value !== 'object') return value
  const result: Record<string, unknown> = {}
  for (const [key, inner] of Object.entries(value)) {
    result[key] =
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/definitions/')
        ? `#/components/schemas/${componentName(inner.slice('#/definitions/'.length))}`
        : rewriteRefs(inner)
  }
  return result
}

/**
 * Every schema Payload's type generator (the one behind `payload generate:types`) derives from the
 * config, hidden fields left out, with `$ref`s pointing into #/components/schemas. Collection and
 * global documents are keyed by slug, as in the generator; `auth/<slug>` becomes `auth_<slug>`.
 */
export const payloadComponentSchemas = async (config: SanitizedConfig): Promise<Record<string, JsonSchema>> => {
  const i18n = await initI18n({ config: config.i18n, context: 'api', language: 'en' })
  const generated = configToJSONSchema(visibleOnly(config), config.db.defaultIDType, i18n)
  const schemas: Record<string, JsonSchema> = {}
  for (const [name, definition] of Object.entries(generated.definitions ?? {})) {
    if (name === 'auth') {
      for (const [slug, operations] of Object.entries(definition as Record<string, unknown>)) {
        schemas[componentName(`auth/${slug}`)] = rewriteRefs(operations) as JsonSchema
      }
      continue
    }
    schemas[name] = rewriteRefs(definition) as JsonSchema
  }
  return schemas
}

const refsIn = (value: unknown, found: Set<string>): void => {
  if (Array.isArray(value)) {
    for (const item of value) refsIn(item, found)
    return
  }
  if (!value || typeof value !== 'object') return
  for (const [key, inner] of Object.entries(value)) {
    if (key === '$ref' && typeof inner === 'string' && inner.startsWith('#/components/schemas/')) {
      found.add(inner.slice('#/components/schemas/'.length))
    } else {
      refsIn(inner, found)
    }
  }
}

/**
 * Keeps the schemas the paths reach (directly or through other schemas): the generator also
 * describes internal collections (event outbox, jobs, preferences) that the API does not expose.
 */
export const reachableSchemas = (roots: unknown, schemas: Record<string, JsonSchema>): Record<string, JsonSchema> => {
  const pending = new Set<string>()
  refsIn(roots, pending)
  const kept: Record<string, JsonSchema> = {}
  while (pending.size > 0) {
    const [name] = pending
    pending.delete(name)
    if (name in kept || !(name in schemas)) continue
    kept[name] = schemas[name]
    const inner = new Set<string>()
    refsIn(schemas[name], inner)
    for (const next of inner) if (!(next in kept)) pending.add(next)
  }
  return Object.fromEntries(
    Object.keys(kept)
      .sort()
      .map((name) => [name, kept[name]]),
  )
}
