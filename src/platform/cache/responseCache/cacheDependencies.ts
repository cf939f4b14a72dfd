import type { CollectionConfig, Field, GlobalConfig } from 'payload'

import { isReadRecordingHook } from './readDependencies'

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

/**
 * The generation a deletion in `collection` bumps: deleting a document changes, without any hook of
 * theirs, the documents that reference it (their relationship rows are deleted, upload columns set
 * to null), so every read of a document with a reference to the collection depends on it.
 */
export const deletionGeneration = (collection: string): string => `${collection}@deleted`

/** The collections a collection's relationship and upload fields reference (stored ids; not joins, not rich text). */
const referenceTargets = (fields: Field[]): string[] =>
  fields.flatMap((field) =>
    field.type === 'relationship' || field.type === 'upload'
      ? Array.isArray(field.relationTo)
        ? field.relationTo
        : [field.relationTo]
      : field.type === 'tabs'
        ? field.tabs.flatMap((tab) => referenceTargets(tab.fields))
        : field.type === 'blocks'
          ? (field.blocks ?? []).flatMap((block) => referenceTargets(block.fields))
          : 'fields' in field && Array.isArray(field.fields)
            ? referenceTargets(field.fields)
            : [],
  )

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

/** The fields a field contains (groups, rows, collapsibles, tabs, arrays, blocks). */
const childFields = (field: Field): Field[] =>
  'fields' in field && Array.isArray(field.fields)
    ? field.fields
    : field.type === 'tabs'
      ? field.tabs.flatMap((tab) => tab.fields)
      : field.type === 'blocks'
        ? (field.blocks ?? []).flatMap((block) => block.fields)
        : []

type ReadShows = {
  /** Collections whose documents the collection's joins list. */
  joins: Set<string>
  /** The top-level keys of a document under which a join's value appears (a join, or a named group or tab holding one). */
  joinKeys: Set<string>
  /** Collections its read hooks may look up; `all` when a hook could show anything. */
  hooked: Set<string> | 'all'
}

/**
 * What a read of one document of `collection` shows of other documents besides its own stored
 * values and what it populates: the members of its joins (they change with other documents) and
 * what read hooks look up (reference fields with read hooks may look their targets up; a read hook
 * elsewhere, on the collection or another field, could show anything).
 */
const readShows = (collection: CollectionConfig, richTextTargets: readonly string[]): ReadShows => {
  const joins = new Set<string>()
  const joinKeys = new Set<string>()
  const hooked = new Set<string>()
  // This module's own recording hook shows nothing (the config may already have it: tests read the sanitized config).
  let anything = (collection.hooks?.afterRead ?? []).some((hook) => !isReadRecordingHook(hook))
  const visit = (fields: Field[], topKey: string | undefined) => {
    for (const field of fields) {
      const named = 'name' in field && typeof field.name === 'string' ? field.name : undefined
      const key = topKey ?? named
      if (field.type === 'join') {
        referencedBy(field, richTextTargets).forEach((slug) => joins.add(slug))
        if (key) joinKeys.add(key)
      } else if (['relationship', 'upload', 'richText'].includes(field.type)) {
        if (hasReadHooks(field)) referencedBy(field, richTextTargets).forEach((slug) => hooked.add(slug))
      } else if (hasReadHooks(field)) anything = true
      if (field.type === 'tabs') {
        for (const tab of field.tabs) visit(tab.fields, topKey ?? ('name' in tab && typeof tab.name === 'string' ? tab.name : undefined))
      } else visit(childFields(field), key)
    }
  }
  visit(collection.fields, undefined)
  return { joins, joinKeys, hooked: anything ? 'all' : hooked }
}

/**
 * What a depth-0 read of one document of `collection` shows of other documents (readShows): the
 * targets of its joins and of its hooked reference fields; `all` when a read hook could show anything.
 */
const depthZeroDependencies = (collection: CollectionConfig, richTextTargets: readonly string[]): Set<string> | 'all' => {
  const { joins, hooked } = readShows(collection, richTextTargets)
  return hooked === 'all' ? 'all' : new Set([...joins, ...hooked])
}

/**
 * The generations a change to one document bumps, by collection (or global): what it returns for
 * a change of document `id`.
 * - Lists, queries and custom endpoints of a cached collection depend on the collection's
 *   generation, bumped by any change they can show (cacheDependencies).
 * - A document read (`/api/<collection>/<id>`, any depth) depends on what its reads recorded (see
 *   readRecordingRules and hooks/recordCachedReads): the generation of every document it shows or
 *   tried to populate (`<collection>#<id>`, bumped by that document's changes), and, for a document
 *   whose joins are in the response or whose read hooks look others up, its collection's
 *   dependencies generation (`<collection>@deps`, bumped by any change to what those show, see
 *   depthZeroDependencies). A change to anime A leaves anime B's reads cached, at any depth, unless
 *   B shows A (a rich-text link).
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
  // Every collection a cached response can show: its documents' reads are recorded wherever they appear.
  const shownCollections = [...lists.keys()].filter((name) => bySlug.has(name))
  for (const slug of shownCollections) {
    const direct = depthZeroDependencies(bySlug.get(slug)!, graph.richTextTargets)
    // Unknown read hooks: anything the collection's reads can reach may change its document reads.
    const shown = direct === 'all' ? [slug, ...reachableFrom(graph, slug)] : [...direct]
    for (const name of shown) dependents.set(name, [...(dependents.get(name) ?? []), dependenciesGeneration(slug)])
  }
  return new Map(
    [...lists].map(([name, roots]) => {
      const shownBy = dependents.get(name) ?? []
      const own = bySlug.has(name)
      return [
        name,
        (id: string | number | undefined) =>
          [
            ...roots,
            ...shownBy,
            // No id (never for Payload's hooks, but): at least the reads that depend on the collection's dependencies.
            ...(own ? [id === undefined ? dependenciesGeneration(name) : documentGeneration(name, id)] : []),
          ].filter((generation, index, all) => all.indexOf(generation) === index),
      ]
    }),
  )
}

/** How a read of a collection's documents is recorded into a cached response's dependencies. */
export type ReadRecordingRule = {
  /** A generation every change to the collection bumps: for reads of its documents by a query (not by id). */
  anyChange: string
  /** Top-level keys of a document under which a join's value appears: when present, the response depends on `<slug>@deps`. */
  joinKeys: readonly string[]
  /** Its read hooks look other documents up: every read of it depends on `<slug>@deps`. */
  hooksLookUp: boolean
  /** The deletion generations of the collections it references: every read of it depends on them. */
  deletions: readonly string[]
}

/** For every collection a cached response can show, how its reads are recorded (see cacheGenerations). */
export const readRecordingRules = (
  collections: readonly CollectionConfig[],
  cached: readonly string[],
  options: { globals?: readonly GlobalConfig[]; cachedGlobals?: readonly string[] } = {},
): Map<string, ReadRecordingRule> => {
  const graph = dependencyGraph(collections, cached, options)
  const lists = cacheDependencies(collections, cached, options)
  const rules = new Map<string, ReadRecordingRule>()
  for (const collection of collections) {
    const roots = lists.get(collection.slug)
    if (!roots?.length) continue
    const { joinKeys, hooked } = readShows(collection, graph.richTextTargets)
    rules.set(collection.slug, {
      anyChange: roots.includes(collection.slug) ? collection.slug : roots[0]!,
      joinKeys: [...joinKeys],
      hooksLookUp: hooked === 'all' || hooked.size > 0,
      deletions: [...new Set(referenceTargets(collection.fields))].sort().map(deletionGeneration),
    })
  }
  return rules
}

/**
 * The collections whose deletions change documents a cached response can show (referenced by one
 * of them, auth collections included: deleting a user empties an article's author): each bumps its
 * deletionGeneration when one of its documents is deleted.
 */
export const deletionsShown = (
  collections: readonly CollectionConfig[],
  cached: readonly string[],
  options: { globals?: readonly GlobalConfig[]; cachedGlobals?: readonly string[] } = {},
): Set<string> =>
  new Set(
    [...readRecordingRules(collections, cached, options).keys()].flatMap((slug) =>
      referenceTargets(collections.find((collection) => collection.slug === slug)!.fields),
    ),
  )
