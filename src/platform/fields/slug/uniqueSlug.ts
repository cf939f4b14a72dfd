import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { SLUG_MAX_LENGTH } from './slugify'

/** `base` with `-n` appended, shortened so that the whole stays within the column's length. */
const withSuffix = (base: string, n: number): string => {
  const suffix = `-${n}`
  return `${base.slice(0, SLUG_MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`
}

/**
 * The first of `base`, `base-2`, `base-3`, ... that no other document of the collection uses.
 * Reads the collection's own table through the adapter (no hooks, no access rules: a draft or an
 * unpublished entry holds its slug too), inside the request's transaction.
 * Two concurrent creates can still pick the same slug; the unique index then refuses the second (400).
 */
export const uniqueSlug = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  base: string,
  ownId?: number | string,
): Promise<string> => {
  const notSelf: Where[] = ownId === undefined ? [] : [{ id: { not_equals: ownId } }]
  const taken = async (where: Where): Promise<string[]> => {
    const found = await req.payload.db.find<{ slug?: string | null }>({
      collection,
      where: { and: [where, ...notSelf] },
      pagination: false,
      limit: 0,
      req,
      select: { slug: true },
    })
    return found.docs.map((doc) => doc.slug).filter((slug): slug is string => typeof slug === 'string')
  }
  if ((await taken({ slug: { equals: base } })).length === 0) return base
  // Every slug that could be `base-n` (the prefix without the part a long suffix may cut off).
  const used = new Set(await taken({ slug: { like: base.slice(0, SLUG_MAX_LENGTH - 8) } }))
  let n = 2
  while (used.has(withSuffix(base, n))) n += 1
  return withSuffix(base, n)
}
