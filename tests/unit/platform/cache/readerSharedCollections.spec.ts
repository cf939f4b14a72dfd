import type { Field, PayloadRequest, SanitizedCollectionConfig, SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { cachedCollections, readerSharedCollections } from '@/cachedContent'
import { TEST_SECRET } from '../../../helpers/testSecret'

/**
 * A signed-in user without a staff role is answered from the anonymous cache entries of the
 * collections in readerSharedCollections (and Payload sees such a read as anonymous). That is only
 * right if those reads give such a user exactly what they give an anonymous caller: the same
 * collection read and read-versions rules, the same field rules, and the same for every collection
 * the response can populate through relationships, uploads and joins (a populated user, say,
 * would be one more thing a user sees than an anonymous caller). Rich text is left out: a link in
 * it to a document an anonymous caller cannot read stays an id, for readers as for anonymous.
 */

let config: SanitizedConfig

beforeAll(async () => {
  Object.assign(process.env, { SECRET_KEY: TEST_SECRET, DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/unused' })
  config = await (await import('@payload-config')).default
})

const CALLERS = { anonymous: null, user: { id: 1, collection: 'users', roles: ['user'] } } as const

type Rule = (args: Record<string, unknown>) => unknown

/** What a rule answers each caller, as JSON (a Where compares by content); a throw is an answer too. */
const answers = async (rule: Rule): Promise<string[]> =>
  Promise.all(
    Object.values(CALLERS).map(async (user) => {
      const req = { user, payload: {}, context: {}, headers: new Headers() } as unknown as PayloadRequest
      try {
        return JSON.stringify((await rule({ req, doc: {}, data: {}, siblingData: {}, id: undefined })) ?? null)
      } catch (error) {
        return `throws ${(error as Error).message}`
      }
    }),
  )

const childFields = (field: Field): Field[] => {
  switch (field.type) {
    case 'array':
    case 'collapsible':
    case 'group':
    case 'row':
      return field.fields
    case 'tabs':
      return field.tabs.flatMap((tab) => tab.fields)
    case 'blocks':
      return (field.blocks ?? []).flatMap((block) => block.fields)
    default:
      return []
  }
}

const allFields = (fields: Field[]): Field[] => fields.flatMap((field) => [field, ...allFields(childFields(field))])

const linked = (field: Field): string[] => {
  const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value])
  if (field.type === 'relationship' || field.type === 'upload') return list(field.relationTo)
  if (field.type === 'join') return list(field.collection)
  return []
}

/** The collections a read of `root` can show: itself and everything it populates, at any depth. */
const reachable = (root: string): SanitizedCollectionConfig[] => {
  const bySlug = new Map(config.collections.map((collection) => [collection.slug as string, collection]))
  const seen = new Set([root])
  const queue = [root]
  for (let slug = queue.shift(); slug !== undefined; slug = queue.shift()) {
    for (const next of allFields(bySlug.get(slug)?.fields ?? []).flatMap(linked)) {
      if (seen.has(next)) continue
      seen.add(next)
      queue.push(next)
    }
  }
  return [...seen].map((slug) => bySlug.get(slug)!)
}

/** Every difference between what a plain user and an anonymous caller may read through `root`. */
const differences = async (root: string): Promise<string[]> => {
  const found: string[] = []
  for (const collection of reachable(root)) {
    const rules: [string, Rule | undefined][] = [
      [`${collection.slug}.read`, collection.access.read as Rule],
      [`${collection.slug}.readVersions`, collection.access.readVersions as Rule | undefined],
      ...allFields(collection.fields)
        .filter((field) => 'access' in field && field.access?.read)
        .map((field): [string, Rule] => [
          `${collection.slug}.${'name' in field ? field.name : field.type} (field)`,
          (field as { access: { read: Rule } }).access.read,
        ]),
    ]
    for (const [name, rule] of rules) {
      if (!rule) continue
      const [anonymous, user] = await answers(rule)
      if (anonymous !== user) found.push(`${name}: anonymous ${anonymous}, user ${user}`)
    }
  }
  return found
}

describe('collections whose cache entries signed-in users share', () => {
  it('are cached collections', () => {
    expect(readerSharedCollections.filter((slug) => !cachedCollections.includes(slug))).toEqual([])
    expect(readerSharedCollections.length).toBeGreaterThan(0)
  })

  it('give a plain user exactly what they give an anonymous caller, populated documents included', async () => {
    const found: string[] = []
    for (const slug of readerSharedCollections) found.push(...(await differences(slug)).map((problem) => `${slug} -> ${problem}`))
    expect(found).toEqual([])
  })

  it('tells the difference where there is one: articles populate their author, a user', async () => {
    // The check itself can fail: these are cached but not shared, for that reason.
    expect(await differences('articles')).toContainEqual(expect.stringMatching(/^users\.read: anonymous false, user true/))
    expect(await differences('categories')).toContainEqual(expect.stringMatching(/^users\.read:/))
    expect(await differences('favorites')).toContainEqual(expect.stringMatching(/^favorites\.read:/))
  })
})
