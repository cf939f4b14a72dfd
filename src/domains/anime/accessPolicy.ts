import {
  anyone,
  authenticated,
  canPublish,
  isAdmin,
  isEditorOrAdmin,
  isStaff,
  nobody,
  ownRecords,
  staffOrPublished,
} from '../../platform/auth'
import type { AccessPolicy, CollectionAccess, DraftCollectionAccess } from '../../platform/auth'
import { readLists } from './collections/Lists/access/readLists'
import { updateLists } from './collections/Lists/access/updateLists'

/** The catalog's shared taxonomies: everyone reads, editors and admins manage, admins delete. */
const taxonomy: CollectionAccess = { read: anyone, create: isEditorOrAdmin, update: isEditorOrAdmin, delete: isAdmin }

/** Kitsu: who may do what (see src/platform/auth/access/policy.ts). */
export const animeAccessPolicy = {
  collections: {
    anime: {
      // The public and plain users read published anime only; staff read drafts and history.
      read: staffOrPublished,
      readDrafts: isStaff,
      readVersions: isStaff,
      create: isEditorOrAdmin,
      // Editors and moderators publish and unpublish.
      update: canPublish,
      delete: isAdmin,
    } satisfies DraftCollectionAccess,
    genres: taxonomy,
    studios: taxonomy,
    // Public lists for everyone, unlisted by id, private for the owner; moderators hide public ones.
    lists: { read: readLists, create: authenticated, update: updateLists, delete: updateLists },
    // One's own view history; written only by POST /api/anime/:id/view (server code).
    views: { read: ownRecords, create: nobody, update: nobody, delete: ownRecords },
  },
  globals: {},
} satisfies AccessPolicy
