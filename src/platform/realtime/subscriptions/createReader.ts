import type { CollectionSlug, Payload, Where } from 'payload'

import { hasAnyRole, STAFF_ROLES } from '../../auth/roles'
import { isPossibleId } from '../../http/readParams/checkNumbers'
import { checkWhere } from '../../http/readParams/checkWhere'
import { collectionShapeFor } from '../../http/readParams/shapesOfPayload'
import type { RealtimeReader, ResolvedViewer, SubscriptionRefusal, SubscriptionSpec, Viewer } from './types'

export type RealtimeReaderOptions = {
  /** The collection accounts sign in with. */
  userCollection: string
  /**
   * Collections whose documents read the same for every reader who is not staff (the public
   * catalog): such readers share one anonymous read per change. Anyone else is read for alone.
   */
  sharedCollections: readonly string[]
}

/** How long an account's roles are trusted between reads; a role change takes effect within it. */
const USER_TTL_MS = 30_000
const USER_CACHE_LIMIT = 10_000

type User = Record<string, unknown> & { id: number | string; roles?: string[] | null }

/** A collection opted into realtime: it records its changes as domain events (publishesEvents). */
export const publishesChanges = (payload: Payload, slug: string): boolean =>
  Boolean((payload.collections[slug as CollectionSlug]?.config.custom as Record<string, unknown> | undefined)?.publishesEvents)

const errorMessage = (error: unknown): string => {
  const data = (error as { data?: { errors?: { message?: string }[] } }).data
  return data?.errors?.[0]?.message ?? (error instanceof Error ? error.message : String(error))
}

const statusOf = (error: unknown): number | undefined => (error as { status?: number }).status

/**
 * The reader the hub uses in this process: Payload's Local API with the subscriber as `user` and
 * `overrideAccess: false`, depth 0, never drafts, so a change shows exactly what a REST read would.
 */
export const createRealtimeReader = (payload: Payload, { userCollection, sharedCollections }: RealtimeReaderOptions): RealtimeReader => {
  const shared = new Set(sharedCollections)
  const users = new Map<string, { user: User | null; at: number }>()
  const locales = (payload.config.localization ? payload.config.localization.localeCodes : []) as string[]

  const userOf = async (userId: string): Promise<User | null> => {
    const cached = users.get(userId)
    if (cached && Date.now() - cached.at < USER_TTL_MS) return cached.user
    const found = (await payload.findByID({
      collection: userCollection as CollectionSlug,
      id: userId,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })) as User | null
    const user = found ? { ...found, collection: userCollection } : null
    users.delete(userId)
    users.set(userId, { user, at: Date.now() })
    if (users.size > USER_CACHE_LIMIT) users.delete(users.keys().next().value as string)
    return user
  }

  const resolveViewer = async (collection: string, viewer: Viewer): Promise<ResolvedViewer | undefined> => {
    if (!viewer) return { key: 'anonymous', readAs: null }
    const user = await userOf(viewer.userId)
    if (!user) return undefined
    // Reading as nobody shows a non-staff reader of a public collection what REST shows them.
    if (shared.has(collection) && !hasAnyRole(user as { roles?: string[] }, STAFF_ROLES)) return { key: 'anonymous', readAs: null }
    return { key: `user:${String(user.id)}`, readAs: user }
  }

  const read = async (spec: SubscriptionSpec, docId: string, readAs: Record<string, unknown> | null) => {
    const common = {
      collection: spec.collection as CollectionSlug,
      depth: 0,
      draft: false,
      overrideAccess: false,
      user: readAs as never,
      ...(spec.locale ? { locale: spec.locale as never } : {}),
    }
    try {
      // One document without a filter is a read by id (access rules see the id: unlisted lists);
      // otherwise a list read narrowed to the document, as REST's list would show it.
      if (spec.doc !== undefined && !spec.where) {
        return ((await payload.findByID({ ...common, id: docId, disableErrors: true })) as Record<string, unknown> | null) ?? null
      }
      const where: Where = spec.where ? { and: [{ id: { equals: docId } }, spec.where] } : { id: { equals: docId } }
      const { docs } = await payload.find({ ...common, where, limit: 1, pagination: false })
      return (docs[0] as unknown as Record<string, unknown> | undefined) ?? null
    } catch (error) {
      // Not theirs to read (403) or gone (404): out of their view. Anything else is a failure.
      const status = statusOf(error)
      if (status === 403 || status === 404) return null
      throw error
    }
  }

  const check = async (spec: SubscriptionSpec, viewer: Viewer): Promise<SubscriptionRefusal | undefined> => {
    const shape = collectionShapeFor(payload, spec.collection)
    if (!payload.collections[spec.collection as CollectionSlug] || !shape) {
      return { status: 400, field: 'collection', message: `There is no collection "${spec.collection}".` }
    }
    if (!publishesChanges(payload, spec.collection)) {
      return { status: 400, field: 'collection', message: `The collection "${spec.collection}" does not publish changes.` }
    }
    if (spec.doc !== undefined && !isPossibleId(spec.doc, shape.idType)) {
      return {
        status: 400,
        field: 'doc',
        message: `doc must be a document id${shape.idType === 'number' ? ' (a whole number from 1)' : ''}.`,
      }
    }
    if (spec.locale !== undefined && !locales.includes(spec.locale)) {
      return { status: 400, field: 'locale', message: `locale must be one of: ${locales.join(', ') || '(none)'}.` }
    }
    if (spec.where !== undefined) {
      const problem = checkWhere(spec.where, shape.fields, shape.locales)
      if (problem) return { status: 400, ...problem }
    }
    const resolved = await resolveViewer(spec.collection, viewer)
    if (!resolved) return { status: 401, field: 'token', message: 'The account no longer exists.' }
    try {
      // Payload checks what REST would: read access, and fields the caller may not query.
      await payload.find({
        collection: spec.collection as CollectionSlug,
        where: spec.where ?? {},
        limit: 1,
        depth: 0,
        draft: false,
        pagination: false,
        overrideAccess: false,
        user: (viewer ? await userOf(viewer.userId) : null) as never,
        ...(spec.locale ? { locale: spec.locale as never } : {}),
      })
    } catch (error) {
      const status = statusOf(error)
      if (status === 403) {
        return viewer
          ? { status: 403, field: 'collection', message: `You may not read "${spec.collection}".` }
          : { status: 401, field: 'collection', message: `Sign in to read "${spec.collection}".` }
      }
      if (status === 400) return { status: 400, field: 'where', message: errorMessage(error) }
      throw error
    }
    return undefined
  }

  return { check, resolveViewer, read }
}
