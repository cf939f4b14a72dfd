import { Forbidden, type TypedUser } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

let ctx: PayloadInt
type Who = 'admin' | 'editor' | 'moderator' | 'alice'
const users = {} as Record<Who, { id: number; token: string; doc: TypedUser }>

type Doc = {
  id: number
  title?: string
  workflowStatus?: string
  _status?: string
  author?: unknown
  publishedAt?: string | null
  reviewComment?: string | null
}
type ErrorBody = { errors?: { message: string; data?: { errors?: { path: string }[] } }[] }

const send = (method: 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, who?: Who) => {
  const init = {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    ...(who ? { token: users[who].token } : {}),
  }
  return method === 'POST' ? ctx.rest.post(path, init) : method === 'PATCH' ? ctx.rest.patch(path, init) : ctx.rest.delete(path, init)
}
const docOf = async (response: Response) => ((await response.json()) as { doc: Doc }).doc
const pathsOf = async (response: Response) =>
  ((await response.json()) as ErrorBody).errors?.flatMap((error) => error.data?.errors?.map((e) => e.path) ?? []) ?? []
const idOf = (value: unknown) => (value && typeof value === 'object' ? (value as { id: number }).id : value)
/** What staff see: the latest version, drafts included. */
const latest = (id: number) => ctx.payload.findByID({ collection: 'articles', id, draft: true, depth: 0 }) as Promise<Doc>
const publicIds = async (path = '/articles?depth=0&limit=100') =>
  ((await (await ctx.rest.get(path)).json()) as { docs: Doc[] }).docs.map((doc) => doc.id)

beforeAll(async () => {
  ctx = await initPayloadInt('aviation-workflow')
  const add = async (who: Who, roles?: ('editor' | 'moderator' | 'user')[]) => {
    const user = await ctx.payload.create({
      collection: 'users',
      data: { email: `${who}@example.com`, password: 'workflow-password', ...(roles ? { roles } : {}) },
    })
    users[who] = {
      id: user.id,
      token: await ctx.rest.login(user.email, 'workflow-password'),
      doc: { ...user, collection: 'users' } as TypedUser,
    }
  }
  await add('admin')
  await add('editor', ['editor'])
  await add('moderator', ['moderator'])
  await add('alice')
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('the editorial workflow on articles', () => {
  it('editor drafts and submits; moderator sends back with a comment, then publishes', async () => {
    // The author comes from the token, never from the body: naming one is refused (403, the field named).
    const claimed = await send('POST', '/articles?depth=0', { title: 'Ту-144: первый сверхзвуковой', author: users.alice.id }, 'editor')
    expect(claimed.status).toBe(403)
    expect(((await claimed.json()) as { errors: { field?: string }[] }).errors.map((error) => error.field)).toEqual(['author'])
    const created = await send('POST', '/articles?depth=0', { title: 'Ту-144: первый сверхзвуковой' }, 'editor')
    expect(created.status).toBe(201)
    const article = await docOf(created)
    expect(idOf(article.author)).toBe(users.editor.id)
    expect(article).toMatchObject({ workflowStatus: 'draft', _status: 'draft' })
    expect(await publicIds()).not.toContain(article.id)

    // An editor cannot publish, by any field.
    const publish = await send('PATCH', `/articles/${article.id}`, { _status: 'published' }, 'editor')
    expect(publish.status).toBe(403)
    const approve = await send('PATCH', `/articles/${article.id}`, { workflowStatus: 'published' }, 'editor')
    expect(approve.status).toBe(403)
    expect(await pathsOf(approve)).toEqual(['workflowStatus'])
    const sendBack = await send(
      'PATCH',
      `/articles/${article.id}`,
      { workflowStatus: 'changes_requested', reviewComment: 'self' },
      'editor',
    )
    expect(sendBack.status).toBe(403)
    expect((await latest(article.id)).workflowStatus).toBe('draft')

    expect((await send('PATCH', `/articles/${article.id}`, { workflowStatus: 'in_review' }, 'editor')).status).toBe(200)
    expect(await latest(article.id)).toMatchObject({ workflowStatus: 'in_review', _status: 'draft' })

    // Sending back needs a comment (400 naming it), and leaves the article unpublished.
    const noComment = await send('PATCH', `/articles/${article.id}`, { workflowStatus: 'changes_requested' }, 'moderator')
    expect(noComment.status).toBe(400)
    expect(await pathsOf(noComment)).toEqual(['reviewComment'])
    const back = await send(
      'PATCH',
      `/articles/${article.id}`,
      { workflowStatus: 'changes_requested', reviewComment: 'Добавьте источники' },
      'moderator',
    )
    expect(back.status).toBe(200)
    expect(await latest(article.id)).toMatchObject({
      workflowStatus: 'changes_requested',
      reviewComment: 'Добавьте источники',
      _status: 'draft',
    })
    expect(await publicIds()).not.toContain(article.id)

    expect(
      (await send('PATCH', `/articles/${article.id}`, { workflowStatus: 'in_review', excerpt: 'С источниками' }, 'editor')).status,
    ).toBe(200)
    const published = await send('PATCH', `/articles/${article.id}?depth=0`, { _status: 'published' }, 'moderator')
    expect(published.status).toBe(200)
    const doc = await docOf(published)
    expect(doc).toMatchObject({ workflowStatus: 'published', _status: 'published' })
    expect(doc.publishedAt).toBeTruthy()
    expect(idOf(doc.author)).toBe(users.editor.id)
    expect(await publicIds()).toContain(article.id)
    const publicDoc = (await (await ctx.rest.get(`/articles/${article.id}?depth=0`)).json()) as Doc & { excerpt: string }
    expect(publicDoc.excerpt).toBe('С источниками')
  })

  it("an editor's change to a published article stays a draft until a moderator approves it", async () => {
    const article = await ctx.payload.create({
      collection: 'articles',
      data: { title: 'Опубликованная', _status: 'published', workflowStatus: 'published' },
    })
    const edit = await send('PATCH', `/articles/${article.id}`, { title: 'Правка редактора', _status: 'draft' }, 'editor')
    expect(edit.status).toBe(200)
    const publicDoc = (await (await ctx.rest.get(`/articles/${article.id}?depth=0`)).json()) as Doc
    expect(publicDoc).toMatchObject({ title: 'Опубликованная', _status: 'published' })
    expect((await latest(article.id)).title).toBe('Правка редактора')

    // Publishing by workflowStatus alone works for a moderator (it sets _status too).
    expect((await send('PATCH', `/articles/${article.id}`, { workflowStatus: 'published' }, 'moderator')).status).toBe(200)
    expect(((await (await ctx.rest.get(`/articles/${article.id}?depth=0`)).json()) as Doc).title).toBe('Правка редактора')

    // Unpublishing is an approver's call too.
    expect((await send('PATCH', `/articles/${article.id}`, { _status: 'draft' }, 'moderator')).status).toBe(200)
    expect(await publicIds()).not.toContain(article.id)
    expect((await latest(article.id)).workflowStatus).toBe('draft')
  })

  it('the Local API refuses an editor publishing with Forbidden; moderators do not create, admins do everything', async () => {
    await expect(
      ctx.payload.create({
        collection: 'articles',
        data: { title: 'Сразу в печать', _status: 'published', workflowStatus: 'published' },
        user: users.editor.doc,
        overrideAccess: false,
      }),
    ).rejects.toBeInstanceOf(Forbidden)
    const draft = await ctx.payload.create({
      collection: 'articles',
      data: { title: 'Черновик', workflowStatus: 'draft' },
      user: users.editor.doc,
      overrideAccess: false,
    })
    await expect(
      ctx.payload.update({
        collection: 'articles',
        id: draft.id,
        data: { _status: 'published' },
        user: users.editor.doc,
        overrideAccess: false,
      }),
    ).rejects.toBeInstanceOf(Forbidden)
    await expect(
      ctx.payload.update({
        collection: 'articles',
        id: draft.id,
        data: { workflowStatus: 'published' },
        user: users.editor.doc,
        overrideAccess: false,
      }),
    ).rejects.toBeInstanceOf(Forbidden)
    expect((await send('POST', '/articles', { title: 'Модератор пишет' }, 'moderator')).status).toBe(403)

    const byAdmin = await send('POST', '/articles?depth=0', { title: 'Админ публикует', _status: 'published' }, 'admin')
    expect(byAdmin.status).toBe(201)
    const adminDoc = await docOf(byAdmin)
    expect(adminDoc.workflowStatus).toBe('published')
    expect(idOf(adminDoc.author)).toBe(users.admin.id)
    expect(
      (await send('PATCH', `/articles/${draft.id}`, { workflowStatus: 'changes_requested', reviewComment: 'Нет' }, 'admin')).status,
    ).toBe(200)
    for (const who of ['editor', 'moderator'] as const) {
      expect((await send('DELETE', `/articles/${adminDoc.id}`, undefined, who)).status).toBe(403)
    }
    expect((await send('DELETE', `/articles/${adminDoc.id}`, undefined, 'admin')).status).toBe(200)
  })

  it('plain users and anonymous callers cannot write', async () => {
    const article = await ctx.payload.create({
      collection: 'articles',
      data: { title: 'Чужая статья', _status: 'published', workflowStatus: 'published' },
    })
    for (const who of ['alice', undefined] as const) {
      expect((await send('POST', '/articles', { title: 'x' }, who)).status).toBe(403)
      expect((await send('PATCH', `/articles/${article.id}`, { title: 'x' }, who)).status).toBe(403)
      expect((await send('DELETE', `/articles/${article.id}`, undefined, who)).status).toBe(403)
      expect((await send('POST', '/aircraft', { name: 'x' }, who)).status).toBe(403)
    }
    await expect(
      ctx.payload.update({ collection: 'articles', id: article.id, data: { title: 'x' }, user: users.alice.doc, overrideAccess: false }),
    ).rejects.toBeInstanceOf(Forbidden)
  })

  it('encyclopedia entries follow the same rules', async () => {
    const created = await send('POST', '/aircraft?depth=0', { name: 'Су-27' }, 'editor')
    expect(created.status).toBe(201)
    const aircraft = await docOf(created)
    expect((await send('PATCH', `/aircraft/${aircraft.id}`, { _status: 'published' }, 'editor')).status).toBe(403)
    expect((await send('POST', '/aircraft', { name: 'Су-30', _status: 'published' }, 'editor')).status).toBe(403)
    expect(await publicIds('/aircraft?depth=0')).not.toContain(aircraft.id)
    expect((await send('PATCH', `/aircraft/${aircraft.id}`, { _status: 'published' }, 'moderator')).status).toBe(200)
    expect(await publicIds('/aircraft?depth=0')).toContain(aircraft.id)
  })
})

describe('scheduled publishing', () => {
  it("runs as the user who scheduled it: an editor's schedule publishes nothing, a moderator's does", async () => {
    const article = await ctx.payload.create({
      collection: 'articles',
      data: { title: 'По расписанию', workflowStatus: 'in_review' },
      draft: true,
    })
    const schedule = async (who: Who) => {
      await ctx.payload.jobs.queue({
        task: 'schedulePublish',
        input: { type: 'publish', doc: { relationTo: 'articles', value: article.id }, user: { relationTo: 'users', value: users[who].id } },
        waitUntil: new Date(Date.now() - 1000),
      })
      await ctx.payload.jobs.run()
    }
    await schedule('editor')
    expect(await publicIds()).not.toContain(article.id)
    await schedule('moderator')
    expect(await publicIds()).toContain(article.id)
    expect((await latest(article.id)).workflowStatus).toBe('published')
  })

  it('only approvers run the job queue through the API', async () => {
    for (const who of [undefined, 'alice', 'editor'] as const) {
      expect((await ctx.rest.get('/payload-jobs/run', who ? { token: users[who].token } : {})).status).toBe(401)
    }
    expect((await ctx.rest.get('/payload-jobs/run', { token: users.moderator.token })).status).toBe(200)
  })
})

describe('version history', () => {
  it('is for staff only, and editors restore versions as drafts only', async () => {
    const article = await ctx.payload.create({
      collection: 'articles',
      data: { title: 'Версия 1', _status: 'published', workflowStatus: 'published' },
    })
    await ctx.payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: 'Версия 2', _status: 'published', workflowStatus: 'published' },
    })
    const versionsPath = `/articles/versions?depth=0&where[parent][equals]=${article.id}&sort=createdAt`
    for (const who of [undefined, 'alice'] as const) {
      expect((await ctx.rest.get(versionsPath, who ? { token: users[who].token } : {})).status).toBe(403)
    }
    const list = await ctx.rest.get(versionsPath, { token: users.editor.token })
    expect(list.status).toBe(200)
    const versions = ((await list.json()) as { docs: { id: string; version: Doc }[] }).docs
    expect(versions.map((version) => version.version.title)).toEqual(['Версия 1', 'Версия 2'])
    const first = versions[0].id
    for (const who of [undefined, 'alice'] as const) {
      expect((await ctx.rest.get(`/articles/versions/${first}`, who ? { token: users[who].token } : {})).status).toBe(403)
    }

    expect((await send('POST', `/articles/versions/${first}`, undefined, 'editor')).status).toBe(403)
    expect(((await (await ctx.rest.get(`/articles/${article.id}?depth=0`)).json()) as Doc).title).toBe('Версия 2')
    expect((await send('POST', `/articles/versions/${first}?draft=true`, undefined, 'editor')).status).toBe(200)
    expect(((await (await ctx.rest.get(`/articles/${article.id}?depth=0`)).json()) as Doc).title).toBe('Версия 2')
    expect(await latest(article.id)).toMatchObject({ title: 'Версия 1', _status: 'draft', workflowStatus: 'draft' })

    expect((await send('POST', `/articles/versions/${first}`, undefined, 'moderator')).status).toBe(200)
    expect(((await (await ctx.rest.get(`/articles/${article.id}?depth=0`)).json()) as Doc).title).toBe('Версия 1')
  })
})
