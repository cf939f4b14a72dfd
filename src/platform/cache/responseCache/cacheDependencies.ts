import type { CollectionConfig, Field, GlobalConfig } from 'payload'

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

/** Cache keys of a global's reads are kept apart from the collections' under this name. */
export const globalCacheName = (slug: string): string => `globals/${slug}`

/**
 * For each collection (and global, named by globalCacheName), the cached collections and globals
 * whose responses can show its documents: itself if it is cached, and every cached one that
 * reaches it through relationships, uploads, joins or rich text, at any depth (a renamed genre
 * changes the anime pages that populate it, a genre page's join lists its anime, and the settings
 * global shows its featured articles). Auth collections are left out: anonymous callers, the only
 * ones whose responses are shared, cannot read users, so a user's change never alters a shared
 * response (and sign-ins, which update the user, would otherwise empty the cache).
 */
export const cacheDependencies = (
  collections: readonly CollectionConfig[],
  cached: readonly string[],
  { globals = [], cachedGlobals = [] }: { globals?: readonly GlobalConfig[]; cachedGlobals?: readonly string[] } = {},
): Map<string, string[]> => {
  const authSlugs = new Set(collections.filter((collection) => collection.auth).map((collection) => collection.slug))
  const uploadSlugs = collections.filter((collection) => collection.upload).map((collection) => collection.slug)
  const richTextTargets = [...new Set([...cached, ...uploadSlugs])].filter((slug) => !authSlugs.has(slug))
  const referencedByAll = (fields: Field[]) =>
    new Set(fields.flatMap((field) => referencedBy(field, richTextTargets)).filter((slug) => !authSlugs.has(slug)))
  const edges = new Map<string, Set<string>>([
    ...collections.map((collection): [string, Set<string>] => [collection.slug, referencedByAll(collection.fields)]),
    ...globals.map((global): [string, Set<string>] => [globalCacheName(global.slug), referencedByAll(global.fields)]),
  ])
  const affected = new Map<string, Set<string>>()
  for (const root of [...cached, ...cachedGlobals.map(globalCacheName)]) {
    // Everything reachable from a cached collection or global can change its responses.
    const seen = new Set([root])
    const queue = [root]
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      for (const next of edges.get(name) ?? []) {
        if (!seen.has(next)) {
          seen.add(next)
          queue.push(next)
        }
      }
    }
    for (const name of seen) affected.set(name, (affected.get(name) ?? new Set()).add(root))
  }
  return new Map([...affected].map(([name, roots]) => [name, [...roots].sort()]))
}
