import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

/**
 * Drafts never reach the public: not by REST list or detail, `?draft=true`, `where` on `_status`,
 * relationship ids or population at any depth, join fields, GraphQL, version endpoints or settings.
 */
let ctx: PayloadInt
type Who = 'admin' | 'editor' | 'alice'
const users = {} as Record<Who, { id: number; token: string }>
const ids = {} as Record<'bureau' | 'publicAircraft' | 'draftAircraft' | 'category' | 'published' | 'draft' | 'pending', number>

type Json = Record<string, unknown>
type GraphQLBody = { data?: Record<string, unknown> | null; errors?: { message: string }[] }
const callers = () => [
  { label: 'anonymous', init: {} },
  { label: 'user', init: { token: users.alice.token } },
]
const getJson = async (path: string, init = {}) => {
  const response = await ctx.rest.get(path, init)
  return { status: response.status, body: (await response.json()) as Json }
}
const docIds = (body: Json) => ((body.docs as Json[] | undefined) ?? []).map((doc) => doc.id)
const refIds = (value: unknown) =>
  ((value as unknown[] | undefined) ?? []).map((entry) => {
    const inner = entry && typeof entry === 'object' && 'relationTo' in entry ? (entry as unknown as { value: unknown }).value : entry
    return inner && typeof inner === 'object' ? (inner as { id: unknown }).id : inner
  })
const idOfValue = (value: unknown) => (value && typeof value === 'object' ? (value as { id: unknown }).id : value)
const gql = async (query: string, init = {}): Promise<GraphQLBody> => (await (await ctx.rest.graphql(query, init)).json()) as GraphQLBody

beforeAll(async () => {
  ctx = await initPayloadInt('aviation-public')
  const add = async (who: Who, roles?: ('editor' | 'user')[]) => {
    const user = await ctx.payload.create({
      collection: 'users',
      data: { email: `${who}@example.com`, password: 'public-password', ...(roles ? { roles } : {}) },
    })
    users[who] = { id: user.id, token: await ctx.rest.login(user.email, 'public-password') }
  }
  await add('admin')
  await add('editor', ['editor'])
  await add('alice')

  const published = { _status: 'published' as const, workflowStatus: 'published' as const }
  const draft = { _status: 'draft' as const, workflowStatus: 'draft' as const }
  ids.bureau = (await ctx.payload.create({ collection: 'design-bureaus', data: { name: 'ОКБ Сухого', ...published } })).id
  ids.publicAircraft = (
    await ctx.payload.create({ collection: 'aircraft', data: { name: 'Су-27', designBureau: ids.bureau, ...published } })
  ).id
  ids.draftAircraft = (
    await ctx.payload.create({ collection: 'aircraft', data: { name: 'Секретный Су-47', designBureau: ids.bureau, ...draft } })
  ).id
  ids.category = (await ctx.payload.create({ collection: 'categories', data: { name: 'Самолёты' } })).id
  const related = [
    { relationTo: 'aircraft' as const, value: ids.publicAircraft },
    { relationTo: 'aircraft' as const, value: ids.draftAircraft },
    { relationTo: 'design-bureaus' as const, value: ids.bureau },
  ]
  ids.published = (
    await ctx.payload.create({ collection: 'articles', data: { title: 'Опубликовано', category: ids.category, related, ...published } })
  ).id
  ids.draft = (
    await ctx.payload.create({ collection: 'articles', data: { title: 'Секретный черновик', category: ids.category, ...draft } })
  ).id
  // Published, with a newer unapproved draft (an editor's change) on top.
  ids.pending = (
    await ctx.payload.create({ collection: 'articles', data: { title: 'Старый заголовок', category: ids.category, ...published } })
  ).id
  const change = await ctx.rest.patch(`/articles/${ids.pending}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title: 'Неутверждённый заголовок' }),
    token: users.editor.token,
  })
  expect(change.status).toBe(200)
  await ctx.payload.updateGlobal({ slug: 'app-settings', data: { featuredArticles: [ids.published, ids.draft] } })
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('drafts are invisible to the public', () => {
  it('REST lists and details, with ?draft=true and where on _status', async () => {
    for (const { init } of callers()) {
      for (const query of [
        '?depth=0&limit=100',
        '?depth=0&limit=100&draft=true',
        '?depth=0&where[_status][equals]=draft',
        '?depth=0&where[title][like]=Секрет&draft=true',
      ]) {
        const { status, body } = await getJson(`/articles${query}`, init)
        expect(status).toBe(200)
        expect(docIds(body)).not.toContain(ids.draft)
        const pending = ((body.docs as Json[]) ?? []).find((doc) => doc.id === ids.pending)
        if (pending) expect(pending.title).toBe('Старый заголовок')
      }
      expect(docIds((await getJson('/articles?depth=0&draft=true', init)).body)).toEqual(
        expect.arrayContaining([ids.published, ids.pending]),
      )
      for (const path of [`/articles/${ids.draft}`, `/articles/${ids.draft}?draft=true`, `/aircraft/${ids.draftAircraft}?draft=true`]) {
        expect([403, 404]).toContain((await ctx.rest.get(path, init)).status)
      }
      expect((await getJson(`/articles/${ids.pending}?draft=true&depth=0`, init)).body.title).toBe('Старый заголовок')
      expect(docIds((await getJson('/aircraft?depth=0&draft=true', init)).body)).toEqual([ids.publicAircraft])
    }
    // Staff see them.
    expect((await getJson(`/articles/${ids.pending}?draft=true&depth=0`, { token: users.editor.token })).body.title).toBe(
      'Неутверждённый заголовок',
    )
    expect(docIds((await getJson('/articles?depth=0&limit=100&draft=true', { token: users.editor.token })).body)).toContain(ids.draft)
  })

  it('relationships: neither the id nor the populated document of a draft, at any depth', async () => {
    for (const { init } of callers()) {
      for (const depth of [0, 1, 2]) {
        const { body } = await getJson(`/articles/${ids.published}?depth=${depth}&draft=true`, init)
        expect(refIds(body.related)).toEqual([ids.publicAircraft, ids.bureau])
      }
      // The bureau, populated inside the article, lists only its published aircraft.
      const { body } = await getJson(`/articles/${ids.published}?depth=2`, init)
      const bureau = (body.related as { relationTo: string; value: Json }[]).find((entry) => entry.relationTo === 'design-bureaus')?.value
      expect(refIds((bureau?.aircraft as Json)?.docs)).toEqual([ids.publicAircraft])
    }
    const staff = await getJson(`/articles/${ids.published}?depth=0`, { token: users.editor.token })
    expect(refIds(staff.body.related)).toEqual([ids.publicAircraft, ids.draftAircraft, ids.bureau])
  })

  it('join fields list published documents only', async () => {
    for (const { init } of callers()) {
      expect(refIds(((await getJson(`/design-bureaus/${ids.bureau}?depth=0`, init)).body.aircraft as Json).docs)).toEqual([
        ids.publicAircraft,
      ])
      const category = (await getJson(`/categories/${ids.category}?depth=0&draft=true`, init)).body
      expect(refIds((category.articles as Json).docs).sort()).toEqual([ids.published, ids.pending].sort())
    }
    const staff = (await getJson(`/categories/${ids.category}?depth=0`, { token: users.editor.token })).body
    expect(refIds((staff.articles as Json).docs)).toContain(ids.draft)
  })

  it('GraphQL lists, single documents, relationships and joins', async () => {
    for (const { init } of callers()) {
      for (const draft of ['', ', draft: true']) {
        const list = await gql(
          `{ Articles(limit: 100${draft}) { docs { id title related { relationTo value { ... on Aircraft { id } } } } } }`,
          init,
        )
        expect(list.errors).toBeUndefined()
        const docs = (list.data?.Articles as { docs: { id: number; title: string; related: { value: { id: number } | null }[] }[] }).docs
        expect(docs.map((doc) => doc.id)).not.toContain(ids.draft)
        expect(docs.find((doc) => doc.id === ids.pending)?.title).toBe('Старый заголовок')
        const related = docs.find((doc) => doc.id === ids.published)?.related ?? []
        expect(related.map((entry) => entry.value?.id).filter(Boolean)).toEqual([ids.publicAircraft])
      }
      const single = await gql(`{ Article(id: ${ids.draft}, draft: true) { id title } }`, init)
      expect(single.data?.Article ?? null).toBeNull()
      const bureau = await gql(`{ DesignBureau(id: ${ids.bureau}) { aircraft { docs { id } } } }`, init)
      expect(bureau.errors).toBeUndefined()
      expect((bureau.data?.DesignBureau as { aircraft: { docs: { id: number }[] } }).aircraft.docs.map((doc) => doc.id)).toEqual([
        ids.publicAircraft,
      ])
      const versions = await gql(`{ versionsArticles { docs { id version { title } } } }`, init)
      expect(versions.errors?.length).toBeGreaterThan(0)
      expect(versions.data?.versionsArticles ?? null).toBeNull()
    }
    const staff = await gql(`{ Article(id: ${ids.draft}, draft: true) { id title } }`, { token: users.editor.token })
    expect(staff.data?.Article).toMatchObject({ id: ids.draft, title: 'Секретный черновик' })
  })

  it('version endpoints are closed to the public', async () => {
    const { docs } = await ctx.payload.findVersions({ collection: 'articles', where: { parent: { equals: ids.pending } } })
    expect(docs.length).toBeGreaterThan(0)
    for (const { init } of callers()) {
      for (const path of [
        '/articles/versions?depth=0',
        `/articles/versions?where[parent][equals]=${ids.pending}`,
        `/articles/versions/${docs[0].id}`,
        `/aircraft/versions?depth=0`,
      ]) {
        expect((await ctx.rest.get(path, init)).status).toBe(403)
      }
    }
    expect((await ctx.rest.get('/articles/versions?depth=0', { token: users.editor.token })).status).toBe(200)
  })

  it('rich text: links to drafts become plain text, embedded drafts go', async () => {
    const text = (value: string) => ({ type: 'text', text: value, version: 1, format: 0, mode: 'normal', style: '', detail: 0 })
    const link = (id: number, label: string) => ({
      type: 'link',
      version: 3,
      id: `link-${id}`,
      fields: { linkType: 'internal', doc: { relationTo: 'aircraft', value: id }, newTab: false },
      children: [text(label)],
      direction: 'ltr',
      format: '',
      indent: 0,
    })
    const paragraph = (...children: unknown[]) => ({
      type: 'paragraph',
      version: 1,
      children,
      direction: 'ltr',
      format: '',
      indent: 0,
      textFormat: 0,
      textStyle: '',
    })
    const embed = (id: number) => ({ type: 'relationship', version: 2, relationTo: 'aircraft', value: id, format: '' })
    const body = {
      root: {
        type: 'root',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        children: [
          paragraph(text('См. '), link(ids.publicAircraft, 'Су-27'), text(' и '), link(ids.draftAircraft, 'Су-47')),
          embed(ids.publicAircraft),
          embed(ids.draftAircraft),
        ],
      },
    }
    const article = await ctx.payload.create({
      collection: 'articles',
      data: { title: 'Со ссылками', body: body as never, _status: 'published', workflowStatus: 'published' },
    })
    type Node = { type: string; text?: string; children?: Node[]; value?: unknown; fields?: { doc?: { value?: unknown } } }
    const targets = (node: Node): unknown[] => [
      ...(node.type === 'relationship' ? [idOfValue(node.value)] : []),
      ...(node.type === 'link' ? [idOfValue(node.fields?.doc?.value)] : []),
      ...(node.children ?? []).flatMap(targets),
    ]
    const plain = (node: Node): string => node.text ?? (node.children ?? []).map(plain).join('')
    for (const { init } of callers()) {
      for (const depth of [0, 1]) {
        const root = ((await getJson(`/articles/${article.id}?depth=${depth}`, init)).body.body as { root: Node }).root
        expect(targets(root)).toEqual([ids.publicAircraft, ids.publicAircraft])
        expect(plain(root)).toContain('См. Су-27 и Су-47')
      }
    }
    const staffRoot = ((await getJson(`/articles/${article.id}?depth=0`, { token: users.editor.token })).body.body as { root: Node }).root
    expect(targets(staffRoot)).toEqual([ids.publicAircraft, ids.draftAircraft, ids.publicAircraft, ids.draftAircraft])
  })

  it('app-settings: featured articles show published ones only', async () => {
    for (const { init } of callers()) {
      for (const depth of [0, 1]) {
        expect(refIds((await getJson(`/globals/app-settings?depth=${depth}`, init)).body.featuredArticles)).toEqual([ids.published])
      }
    }
    expect(refIds((await getJson('/globals/app-settings?depth=0', { token: users.editor.token })).body.featuredArticles)).toEqual([
      ids.published,
      ids.draft,
    ])
  })
})
