import type { CollectionConfig, Field } from 'payload'

/** The collections whose documents a field can put into a response of its own collection. */
const referencedBy = (field: Field, richTextTargets: readonly string[]): string[] => {
  const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value])
  switch (field.type) {
    case 'relationship':
    case 'upload':
      return list(field.relationTo)
    case 'join':
      return list(field.collection)
    case 'richText':
      // Rich text can embed uploads and link to documents: assume any public one.
      return [...richTextTargets]
    case 'array':
    case 'collapsible':
    case 'group':
    case 'row':
      return field.fields.flatMap((child) => referencedBy(child, richTextTargets))
    case 'tabs':
      return field.tabs.flatMap((tab) => tab.fields.flatMap((child) => referencedBy(child, richTextTargets)))
    case 'blocks':
      return (field.blocks ?? []).flatMap((block) => block.fields.flatMap((child) => referencedBy(child, richTextTargets)))
    default:
      return []
  }
}

/**
 * For each collection, the cached collections whose responses can show its documents: itself if it
 * is cached, and every cached collection that reaches it through relationships, uploads, joins or
 * rich text, at any depth (a renamed genre changes the anime pages that populate it, and a genre
 * page's join lists its anime). Auth collections are left out: anonymous callers, the only ones
 * whose responses are shared, cannot read users, so a user's change never alters a shared response
 * (and sign-ins, which update the user, would otherwise empty the cache).
 */
export const cacheDependencies = (collections: readonly CollectionConfig[], cached: readonly string[]): Map<string, string[]> => {
  const authSlugs = new Set(collections.filter((collection) => collection.auth).map((collection) => collection.slug))
  const uploadSlugs = collections.filter((collection) => collection.upload).map((collection) => collection.slug)
  const richTextTargets = [...new Set([...cached, ...uploadSlugs])].filter((slug) => !authSlugs.has(slug))
  const edges = new Map(
    collections.map((collection) => [
      collection.slug,
      new Set(collection.fields.flatMap((field) => referencedBy(field, richTextTargets)).filter((slug) => !authSlugs.has(slug))),
    ]),
  )
  const affected = new Map<string, Set<string>>()
  for (const root of cached) {
    // Everything reachable from a cached collection can change its responses.
    const seen = new Set([root])
    const queue = [root]
    for (let slug = queue.shift(); slug !== undefined; slug = queue.shift()) {
      for (const next of edges.get(slug) ?? []) {
        if (!seen.has(next)) {
          seen.add(next)
          queue.push(next)
        }
      }
    }
    for (const slug of seen) affected.set(slug, (affected.get(slug) ?? new Set()).add(root))
  }
  return new Map([...affected].map(([slug, roots]) => [slug, [...roots].sort()]))
}
