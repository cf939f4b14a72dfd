import type { FlattenedField } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'
import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

/**
 * Draft reads of documents with join fields. In a draft read, a join into a collection with
 * drafts is sorted by that collection's `defaultSort` when the join declares none, and
 * @payloadcms/drizzle 3.90.1 cannot sort a join subquery by a localized field (Postgres:
 * "invalid reference to FROM-clause entry"): `?draft=true` and the admin panel's edit view
 * (a `findByID` with `draft: true`) of design bureaus and manufacturers failed with 500. A
 * caller's own join sort on a localized field (`?joins[designers][sort]=name`) hit the same bug,
 * drafts or not: it is a 400 naming the parameter (src/platform/database/refuseLocalizedJoinSort.ts).
 */
let ctx: PayloadInt
type Json = Record<string, unknown>
const tokens = {} as Record<'editor' | 'moderator' | 'admin', string>
let editor: User
const ids = {} as Record<
  'bureau' | 'olderDesigner' | 'newerDesigner' | 'draftDesigner' | 'group' | 'olderPlant' | 'newerPlant' | 'draftPlant',
  number
>

const published = { _status: 'published' as const, workflowStatus: 'published' as const }
const draft = { _status: 'draft' as const, workflowStatus: 'draft' as const }
const joined = (doc: Json, field: string) =>
  ((doc[field] as { docs?: unknown[] } | undefined)?.docs ?? []).map((entry) =>
    entry && typeof entry === 'object' ? (entry as Json).id : entry,
  )

const getJson = async (path: string, token?: string) => {
  const response = await ctx.rest.get(path, token ? { token } : {})
  const text = await response.text()
  return { status: response.status, text, body: (text ? JSON.parse(text) : {}) as Json }
}

beforeAll(async () => {
  ctx = await initPayloadInt('aviation-draft-joins')
  for (const role of ['admin', 'editor', 'moderator'] as const) {
    const user = await ctx.payload.create({
      collection: 'users',
      data: { email: `${role}@example.com`, password: 'draft-joins-password', roles: [role] },
    })
    if (role === 'editor') editor = { ...user, collection: 'users' } as User
    tokens[role] = await ctx.rest.login(user.email, 'draft-joins-password')
  }
  const create = async (collection: 'design-bureaus' | 'designers' | 'manufacturers', data: Json) =>
    (await ctx.payload.create({ collection, data: data as never, context: { skipWorkflow: true } })).id

  ids.bureau = await create('design-bureaus', { name: 'ОКБ Яковлева', ...published })
  ids.olderDesigner = await create('designers', { name: 'Яковлев', bureau: ids.bureau, ...published })
  ids.newerDesigner = await create('designers', { name: 'Антонов', bureau: ids.bureau, ...published })
  ids.draftDesigner = await create('designers', { name: 'Черновой конструктор', bureau: ids.bureau, ...draft })
  ids.group = await create('manufacturers', { name: 'Министерство авиационной промышленности', ...published })
  ids.olderPlant = await create('manufacturers', { name: 'Завод № 301', parent: ids.group, ...published })
  ids.newerPlant = await create('manufacturers', { name: 'Авиазавод № 115', parent: ids.group, ...published })
  ids.draftPlant = await create('manufacturers', { name: 'Черновой завод', parent: ids.group, ...draft })
})

afterAll(() => ctx?.cleanup())

describe('draft reads of documents with join fields', () => {
  it('REST ?draft=true find and findByID answer 200 for every staff role, the joins listing the drafts too', async () => {
    for (const role of ['editor', 'moderator', 'admin'] as const) {
      const token = tokens[role]
      const bureaus = await getJson(`/design-bureaus?where[id][equals]=${ids.bureau}&depth=0&draft=true`, token)
      expect(bureaus.status, `${role} design-bureaus find: ${bureaus.text.slice(0, 300)}`).toBe(200)
      const bureauDocs = bureaus.body.docs as Json[]
      expect(bureauDocs.map((doc) => doc.id)).toEqual([ids.bureau])
      expect(joined(bureauDocs[0]!, 'designers').sort()).toEqual([ids.olderDesigner, ids.newerDesigner, ids.draftDesigner].sort())

      const bureau = await getJson(`/design-bureaus/${ids.bureau}?depth=0&draft=true`, token)
      expect(bureau.status, `${role} design-bureaus findByID: ${bureau.text.slice(0, 300)}`).toBe(200)
      expect(joined(bureau.body, 'designers').sort()).toEqual([ids.olderDesigner, ids.newerDesigner, ids.draftDesigner].sort())

      const groups = await getJson(`/manufacturers?where[id][equals]=${ids.group}&depth=0&draft=true`, token)
      expect(groups.status, `${role} manufacturers find: ${groups.text.slice(0, 300)}`).toBe(200)
      const group = await getJson(`/manufacturers/${ids.group}?depth=0&draft=true`, token)
      expect(group.status, `${role} manufacturers findByID: ${group.text.slice(0, 300)}`).toBe(200)
      expect(joined(group.body, 'subsidiaries').sort()).toEqual([ids.olderPlant, ids.newerPlant, ids.draftPlant].sort())
    }
  })

  it('the Local API reads drafts of them, as the admin edit view does (findByID, draft, depth 0, as the user)', async () => {
    for (const locale of ['ru', 'en'] as const) {
      const found = await ctx.payload.find({
        collection: 'design-bureaus',
        draft: true,
        depth: 0,
        locale,
        user: editor,
        overrideAccess: false,
      })
      expect(found.docs.map((doc) => doc.id)).toContain(ids.bureau)
      // The call of @payloadcms/next's getDocumentData: on an error the edit view shows no document.
      for (const [collection, id] of [
        ['design-bureaus', ids.bureau],
        ['manufacturers', ids.group],
      ] as const) {
        const doc = await ctx.payload.findByID({
          collection,
          id,
          depth: 0,
          draft: true,
          fallbackLocale: false,
          locale,
          user: editor,
          overrideAccess: false,
        })
        expect(doc.id).toBe(id)
      }
    }
  })

  it('the public still sees only published documents in those joins, newest first, as before', async () => {
    const bureau = await getJson(`/design-bureaus/${ids.bureau}?depth=0`)
    expect(bureau.status).toBe(200)
    expect(joined(bureau.body, 'designers')).toEqual([ids.newerDesigner, ids.olderDesigner])
    const group = await getJson(`/manufacturers/${ids.group}?depth=0&draft=true`)
    expect(group.status).toBe(200)
    expect(joined(group.body, 'subsidiaries')).toEqual([ids.newerPlant, ids.olderPlant])
  })
})

const localizedOn = (fields: FlattenedField[], path: string): boolean => {
  const [head, ...rest] = path.split('.')
  const field = fields.find((candidate) => candidate.name === head)
  if (!field) return false
  if ('localized' in field && field.localized) return true
  return rest.length > 0 && 'flattenedFields' in field ? localizedOn(field.flattenedFields, rest.join('.')) : false
}

describe('join sorts', () => {
  it("no join field sorts by a localized field by default, in draft reads (the joined collection's defaultSort) or published ones", () => {
    const offending: string[] = []
    for (const collection of ctx.config.collections) {
      for (const join of Object.values(collection.joins ?? {}).flat()) {
        if (Array.isArray(join.field.collection)) continue
        const target = ctx.config.collections.find((candidate) => candidate.slug === join.field.collection)!
        const sorts = [
          join.field.defaultSort ?? (target.versions?.drafts ? target.defaultSort : undefined) ?? '-createdAt',
        ].flat() as string[]
        for (const sort of sorts) {
          if (localizedOn(target.flattenedFields, sort.replace(/^-/, ''))) offending.push(`${collection.slug}.${join.joinPath}: ${sort}`)
        }
      }
    }
    expect(offending).toEqual([])
  })

  it("a caller's join sort on a localized field is a 400 naming the parameter, for anyone, drafts or not; other join sorts work", async () => {
    for (const token of [undefined, tokens.editor, tokens.admin]) {
      for (const path of [
        `/design-bureaus/${ids.bureau}?depth=0&joins[designers][sort]=name`,
        `/design-bureaus/${ids.bureau}?depth=0&joins[designers][sort]=-name&draft=true`,
        `/design-bureaus?depth=0&joins[aircraft][sort]=name`,
        `/manufacturers/${ids.group}?depth=0&joins[subsidiaries][sort]=name&draft=true`,
      ]) {
        const answer = await getJson(path, token)
        expect(answer.status, `${path}: ${answer.text.slice(0, 300)}`).toBe(400)
        expect(answer.text).toMatch(/joins\[(designers|aircraft|subsidiaries)\]\[sort\]/)
      }
      const byBirth = await getJson(`/design-bureaus/${ids.bureau}?depth=0&joins[designers][sort]=born`, token)
      expect(byBirth.status, byBirth.text.slice(0, 300)).toBe(200)
      const drafts = await getJson(`/design-bureaus/${ids.bureau}?depth=0&draft=true&joins[designers][sort]=-createdAt`, token)
      expect(drafts.status, drafts.text.slice(0, 300)).toBe(200)
    }
  })
})
