import type { SanitizedCollectionConfig, SanitizedGlobalConfig } from 'payload'

/**
 * Whether a collection or global belongs in the public API document. Payload's internal
 * collections (`payload-*`: preferences, migrations, jobs, locked documents) and ones hidden from
 * the admin panel (the event outbox, auth sessions: read with SQL only, access `nobody`) are left
 * out; `custom.openapi.hidden` decides explicitly either way.
 */
export const isDocumented = (entity: SanitizedCollectionConfig | SanitizedGlobalConfig): boolean => {
  const explicit: unknown = (entity.custom?.openapi as { hidden?: unknown } | undefined)?.hidden
  if (typeof explicit === 'boolean') return !explicit
  if (entity.slug.startsWith('payload-')) return false
  return entity.admin?.hidden !== true
}
