import { anyone, isAdmin, isEditorOrAdmin, isStaff, staffOrPublished } from '../../platform/auth'
import type { AccessPolicy, CollectionAccess, DraftCollectionAccess, VersionedGlobalAccess } from '../../platform/auth'
import { createEntries, updateEntries } from './workflow/access/writeEntries'

/**
 * Under the editorial workflow: the public and plain users read published documents only; staff
 * read drafts and version history; editors write drafts, moderators and admins publish; admins delete.
 */
const editorial: DraftCollectionAccess = {
  read: staffOrPublished,
  readDrafts: isStaff,
  readVersions: isStaff,
  create: createEntries,
  update: updateEntries,
  delete: isAdmin,
}

/** Public taxonomy: everyone reads, editors and admins manage, admins delete. */
const taxonomy: CollectionAccess = { read: anyone, create: isEditorOrAdmin, update: isEditorOrAdmin, delete: isAdmin }

/** FrankenJet: who may do what (see src/platform/auth/access/policy.ts). */
export const aviationAccessPolicy = {
  collections: {
    articles: editorial,
    categories: taxonomy,
    aircraft: editorial,
    'design-bureaus': editorial,
    designers: editorial,
    manufacturers: editorial,
    personalities: editorial,
    'historical-events': editorial,
  },
  globals: {
    // The frontends need the settings; only admins change them or read their history.
    'app-settings': { read: anyone, update: isAdmin, readVersions: isAdmin } satisfies VersionedGlobalAccess,
  },
} satisfies AccessPolicy
