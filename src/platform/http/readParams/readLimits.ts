import type { SanitizedConfig } from 'payload'

/** The caps every REST and GraphQL read is held to (API_MAX_LIMIT, API_MAX_DEPTH). */
export type ReadLimits = { maxLimit: number; maxDepth: number }

export const DEFAULT_READ_LIMITS: ReadLimits = { maxLimit: 100, maxDepth: 3 }

/** Where the plugin leaves the caps in Payload's config, for the hooks and the OpenAPI document. */
const CUSTOM_KEY = 'readLimits'

export const withReadLimits = (custom: Record<string, unknown> | undefined, limits: ReadLimits): Record<string, unknown> => ({
  ...custom,
  [CUSTOM_KEY]: limits,
})

export const readLimitsOf = (config: Pick<SanitizedConfig, 'custom'>): ReadLimits =>
  (config.custom?.[CUSTOM_KEY] as ReadLimits | undefined) ?? DEFAULT_READ_LIMITS
