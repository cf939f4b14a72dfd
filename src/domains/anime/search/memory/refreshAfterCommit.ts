import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { runAfterCommit } from '@/platform/database/afterCommit'
import { registeredAnimeSearchIndex } from './searchIndex'

/**
 * After an anime change commits, this instance's search index reads the row again before the
 * write's response goes out, so the next search here sees it (other instances hear it through
 * PostgreSQL's NOTIFY, see searchIndex.ts). No index (SEARCH_INDEX=false, scripts): nothing to do.
 */
const refreshAfterCommit = async (req: PayloadRequest, id: number | string | undefined): Promise<void> => {
  const index = registeredAnimeSearchIndex()
  if (!index || id === undefined) return
  await runAfterCommit(req, () => index.refresh([Number(id)]))
}

export const refreshSearchIndexAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await refreshAfterCommit(req, (doc as { id?: number | string }).id)
  return doc
}

export const refreshSearchIndexAfterDelete: CollectionAfterDeleteHook = async ({ id, req }) => {
  await refreshAfterCommit(req, id)
}

/** The anime collection's hooks for the index (one line in its config). */
export const searchIndexHooks = { afterChange: [refreshSearchIndexAfterChange], afterDelete: [refreshSearchIndexAfterDelete] }
