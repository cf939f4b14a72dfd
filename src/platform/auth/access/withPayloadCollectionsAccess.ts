import type { SanitizedConfig } from 'payload'

import type { CollectionAccess } from './policy'

/**
 * Payload adds collections of its own while sanitizing, after plugins have run (locked documents,
 * preferences, migrations, jobs, the key-value store), some of them with its default "any signed-in
 * user". This puts the policy's rules on them once the config is built.
 */
export const withPayloadCollectionsAccess = async (
  config: Promise<SanitizedConfig>,
  policy: Record<string, CollectionAccess>,
): Promise<SanitizedConfig> => {
  const sanitized = await config
  for (const collection of sanitized.collections) {
    const entry = policy[collection.slug]
    if (entry) collection.access = { ...collection.access, ...entry }
  }
  return sanitized
}
