import type { Access, CollectionConfig, GlobalConfig, PayloadRequest } from 'payload'

/**
 * The access policy: for every collection and global, who may do each operation. Payload fills an
 * operation left out with "any signed-in user" (a missing `readVersions` on a collection with drafts
 * hands every draft to every account), so an entry names every operation its kind has, and
 * tests/int/platform/access holds the sanitized config to the tables.
 *
 * The tables: src/platform/accessPolicy.ts (platform and Payload's own collections),
 * src/domains/anime/accessPolicy.ts, src/domains/aviation/accessPolicy.ts.
 */

/** Any collection. */
export type CollectionAccess = {
  read: Access
  create: Access
  update: Access
  delete: Access
}

/** A collection with `versions`: the version history (compare, restore). */
export type VersionedCollectionAccess = CollectionAccess & { readVersions: Access }

/**
 * A collection with `versions.drafts`. Payload 3.90 has no `readDrafts` operation: drafts come out
 * through `read` with `draft=true` and through the versions endpoints. `readDrafts` says who may see
 * them: the collection's `publishedUnlessReadsDrafts(readDrafts)` hook ignores `draft=true` for
 * everyone else, whose `read` must narrow to published documents and whose `readVersions` must
 * refuse (the access tests hold both to it).
 */
export type DraftCollectionAccess = VersionedCollectionAccess & { readDrafts: Access }

/** The collection users sign in with: who may enter the admin panel, who may unlock an account. */
export type AuthCollectionAccess = CollectionAccess & {
  admin: (args: { req: PayloadRequest }) => boolean | Promise<boolean>
  unlock: Access
}

export type AnyCollectionAccess = CollectionAccess | VersionedCollectionAccess | DraftCollectionAccess | AuthCollectionAccess

export type GlobalAccess = { read: Access; update: Access }
export type VersionedGlobalAccess = GlobalAccess & { readVersions: Access }

export type AccessPolicy = {
  collections: Record<string, AnyCollectionAccess>
  globals: Record<string, GlobalAccess | VersionedGlobalAccess>
}

/** A collection's `access` from its policy entry (`readDrafts` is the policy's, Payload has no such key). */
export const collectionAccess = (entry: AnyCollectionAccess): NonNullable<CollectionConfig['access']> => {
  const { readDrafts: _readDrafts, ...access } = entry as DraftCollectionAccess
  return access
}

export const globalAccess = (entry: GlobalAccess | VersionedGlobalAccess): NonNullable<GlobalConfig['access']> => ({ ...entry })

/** Merges the tables of the platform and the domains; a slug declared twice is a mistake. */
export const mergeAccessPolicies = (...policies: AccessPolicy[]): AccessPolicy => {
  const merged: AccessPolicy = { collections: {}, globals: {} }
  for (const policy of policies) {
    for (const kind of ['collections', 'globals'] as const) {
      for (const [slug, entry] of Object.entries(policy[kind])) {
        if (slug in merged[kind]) throw new Error(`Access policy: ${kind} "${slug}" is declared twice`)
        ;(merged[kind] as Record<string, unknown>)[slug] = entry
      }
    }
  }
  return merged
}
