import { buildConfig, type Access, type SanitizedCollectionConfig, type SanitizedConfig, type SanitizedGlobalConfig } from 'payload'

/**
 * What the access tests need to know about the policy tables (payload.config.ts `accessPolicy`)
 * and the sanitized config they are held against.
 */

export type Entity =
  { kind: 'collection'; slug: string; config: SanitizedCollectionConfig } | { kind: 'global'; slug: string; config: SanitizedGlobalConfig }

export type Operation = 'read' | 'create' | 'update' | 'delete' | 'readVersions' | 'readDrafts' | 'unlock' | 'admin'

export const entitiesOf = (config: SanitizedConfig): Entity[] => [
  ...config.collections.map((collection) => ({ kind: 'collection' as const, slug: collection.slug, config: collection })),
  ...config.globals.map((global) => ({ kind: 'global' as const, slug: global.slug, config: global })),
]

export const hasVersions = (entity: Entity): boolean => Boolean(entity.config.versions)
export const hasDrafts = (entity: Entity): boolean =>
  Boolean(entity.config.versions && typeof entity.config.versions === 'object' && entity.config.versions.drafts)

/** Every access operation Payload 3.90 asks of this collection or global (plus the policy's readDrafts). */
export const operationsOf = (entity: Entity, config: SanitizedConfig): Operation[] => {
  const operations: Operation[] = entity.kind === 'collection' ? ['read', 'create', 'update', 'delete'] : ['read', 'update']
  if (hasVersions(entity)) operations.push('readVersions')
  if (hasDrafts(entity)) operations.push('readDrafts')
  if (entity.kind === 'collection' && entity.config.auth) {
    operations.push('unlock')
    if (config.admin.user === entity.slug) operations.push('admin')
  }
  return operations
}

/**
 * Payload's own fallbacks ("any signed-in user", and the unlock one), taken from a bare config
 * sanitized by Payload itself: what an operation left out of the policy would get.
 */
export const payloadDefaultAccess = async (): Promise<Set<unknown>> => {
  const probe = await buildConfig({
    secret: 'probe',
    collections: [{ slug: 'probe', fields: [], versions: { drafts: true } }],
    globals: [{ slug: 'probe-global', fields: [], versions: { drafts: true } }],
  } as never)
  const collection = probe.collections.find((candidate) => (candidate.slug as string) === 'probe')!
  const global = probe.globals[0]!
  return new Set([...Object.values(collection.access), ...Object.values(global.access)].filter(Boolean))
}

export type PolicyEntry = Partial<Record<Operation, Access | ((args: never) => unknown)>>
export type Policy = { collections: Record<string, PolicyEntry>; globals: Record<string, PolicyEntry> }

export const policyEntryOf = (policy: Policy, entity: Entity): PolicyEntry | undefined =>
  (entity.kind === 'collection' ? policy.collections : policy.globals)[entity.slug]

export const ROLES = ['anonymous', 'user', 'editor', 'moderator', 'admin'] as const
export type Role = (typeof ROLES)[number]
