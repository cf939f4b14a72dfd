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

/** The generation of one document's own reads (`/api/<collection>/<id>`). */
export const documentGeneration = (collection: string, id: string | number): string => `${collection}#${id}`

/**
 * The generation of what else a collection's depth-0 document reads show: the members of its joins,
 * and what read hooks on its reference fields look up (e.g. whether a referenced entry is published).
 */
export const dependenciesGeneration = (collection: string): string => `${collection}@deps`

type Graph = { edges: Map<string, Set<string>>; roots: string[]; richTextTargets: string[] }

const dependencyGraph = (
  collections: readonly CollectionConfig[],
  cached: readonly string[],
  { globals = [], cachedGlobals = [] }: { globals?: readonly GlobalConfig[]; cachedGlobals?: readonly string[] },
): Graph => {
  const authSlugs = new Set(collections.filter((collection) => collection.auth).map((collection) => collection.slug))
  const uploadSlugs = collections.filter((collection) => collection.upload).map((collection) => collection.slug)
  const richTextTargets = [...new Set([...cached, ...uploadSlugs])].filter((slug) => !authSlugs.has(slug))
  const referencedByAll = (fields: Field[]) =>
    new Set(fields.flatMap((field) => referencedBy(field, richTextTargets)).filter((slug) => !authSlugs.has(slug)))
  const edges = new Map<string, Set<string>>([
    ...collections.map((collection): [string, Set<string>] => [collection.slug, referencedByAll(collection.fields)]),
    ...globals.map((global): [string, Set<string>] => [globalCacheName(global.slug), referencedByAll(global.fields)]),
  ])
  return { edges, roots: [...cached, ...cachedGlobals.map(globalCacheName)], richTextTargets }
}

/** Everything reachable from `root` through at least one relationship, upload, join or rich text. */
const reachableFrom = ({ edges }: Graph, root: string): Set<string> => {
  const seen = new Set<string>()
  const queue = [...(edges.get(root) ?? [])]
  for (const name of queue) seen.add(name)
  for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
    for (const next of edges.get(name) ?? []) {
      if (!seen.has(next)) {
        seen.add(next)
        queue.push(next)
      }
    }
  }
  return seen
}

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
  options: { globals?: readonly GlobalConfig[]; cachedGlobals?: readonly string[] } = {},
): Map<string, string[]> => {
  const graph = dependencyGraph(collections, cached, options)
  const affected = new Map<string, Set<string>>()
  for (const root of graph.roots) {
    // Everything reachable from a cached collection or global can change its responses.
    for (const name of [root, ...reachableFrom(graph, root)]) affected.set(name, (affected.get(name) ?? new Set()).add(root))
  }
  return new Map([...affected].map(([name, roots]) => [name, [...roots].sort()]))
}

const hasReadHooks = (field: Field): boolean => Boolean('hooks' in field && field.hooks?.afterRead?.length)

/**
 * What a depth-0 read of one document of `collection` shows of other documents, besides its own
 * stored values (ids, rich text as stored): the targets of its joins (their members change with
 * other documents) and of reference fields with read hooks (which may look the targets up); `all`
 * when a read hook elsewhere (on the collection, or on another field) could show anything.
 */
const depthZeroDependencies = (collection: CollectionConfig, richTextTargets: readonly string[]): Set<string> | 'all' => {
  if (collection.hooks?.afterRead?.length) return 'all'
  const found = new Set<string>()
  const visit = (fields: Field[]): boolean => {
    for (const field of fields) {
      if (field.type === 'join') referencedBy(field, richTextTargets).forEach((slug) => found.add(slug))
      else if (['relationship', 'upload', 'richText'].includes(field.type)) {
        if (hasReadHooks(field)) referencedBy(field, richTextTargets).forEach((slug) => found.add(slug))
      } else if (hasReadHooks(field)) return false
      const children =
        'fields' in field && Array.isArray(field.fields)
          ? field.fields
          : field.type === 'tabs'
            ? field.tabs.flatMap((tab) => tab.fields)
            : field.type === 'blocks'
              ? (field.blocks ?? []).flatMap((block) => block.fields)
              : []
      if (!visit(children)) return false
    }
    return true
  }
  return visit(collection.fields) ? found : 'all'
}

/**
 * The generations a change to one document bumps, by collection (or global): what it returns for
 * a change of document `id`.
 * - Lists, queries and custom endpoints of a cached collection, and document reads at depth >= 1,
 *   depend on the collection's generation, bumped by any change they can show (cacheDependencies):
 *   at depth >= 1 a read populates documents, and rich text may link any of them, anime included.
 * - A document read at depth 0 (`/api/<collection>/<id>?depth=0`) populates nothing: it depends on
 *   its document's generation and on its collection's dependencies generation (what its joins and
 *   hooked reference fields show, see depthZeroDependencies). A change to anime A leaves anime B's
 *   depth-0 read cached.
 */
export const cacheGenerations = (
  collections: readonly CollectionConfig[],
  cached: readonly string[],
  options: { globals?: readonly GlobalConfig[]; cachedGlobals?: readonly string[] } = {},
): Map<string, (id: string | number | undefined) => string[]> => {
  const graph = dependencyGraph(collections, cached, options)
  const lists = cacheDependencies(collections, cached, options)
  const bySlug = new Map(collections.map((collection) => [collection.slug, collection]))
  const dependents = new Map<string, string[]>()
  for (const root of cached) {
    const collection = bySlug.get(root)
    if (!collection) continue
    const direct = depthZeroDependencies(collection, graph.richTextTargets)
    // Unknown read hooks: anything the collection's reads can reach may change its document reads.
    const shown = direct === 'all' ? [root, ...reachableFrom(graph, root)] : [...direct]
    for (const name of shown) dependents.set(name, [...(dependents.get(name) ?? []), dependenciesGeneration(root)])
  }
  const cachedSet = new Set(cached)
  return new Map(
    [...lists].map(([name, roots]) => {
      const shownBy = dependents.get(name) ?? []
      const own = cachedSet.has(name)
      return [
        name,
        (id: string | number | undefined) =>
          [
            ...roots,
            ...shownBy,
            // No id (never for Payload's hooks, but): every document read of the collection.
            ...(own ? [id === undefined ? dependenciesGeneration(name) : documentGeneration(name, id)] : []),
          ].filter((generation, index, all) => all.indexOf(generation) === index),
      ]
    }),
  )
}
