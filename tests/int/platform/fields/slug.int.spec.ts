import { ValidationError } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

let ctx: PayloadInt

beforeAll(async () => {
  ctx = await initPayloadInt('slug-field')
})

afterAll(async () => {
  await ctx?.cleanup()
})

const anime = (data: Record<string, unknown>) =>
  ctx.payload.create({ collection: 'anime', data: { _status: 'published', ...data } as never }) as Promise<{ id: number; slug: string }>
const aircraft = (data: Record<string, unknown>) =>
  ctx.payload.create({ collection: 'aircraft', data: { _status: 'published', ...data } as never }) as Promise<{ id: number; slug: string }>

/** The field paths of a refused write, or undefined when it was not a validation error. */
const refusedPaths = async (write: Promise<unknown>) => {
  const error = await write.then(
    () => undefined,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(ValidationError)
  const { status, data } = error as ValidationError
  expect(status).toBe(400)
  return data.errors.map((problem) => problem.path)
}

describe('the slug field', () => {
  it('gives a second anime of the same title `<slug>-2`, a third `-3`, over REST too', async () => {
    expect((await anime({ title: 'Mushishi' })).slug).toBe('mushishi')
    expect((await anime({ title: 'Mushishi' })).slug).toBe('mushishi-2')
    // A draft holds its slug as well.
    expect((await anime({ title: 'Mushishi', _status: 'draft' })).slug).toBe('mushishi-3')
    const admin = await ctx.payload.create({ collection: 'users', data: { email: 'slug-admin@example.com', password: 'slug-password-1' } })
    const token = await ctx.rest.login(admin.email, 'slug-password-1')
    const response = await ctx.rest.post('/anime', {
      method: 'POST',
      token,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Mushishi', _status: 'published' }),
    })
    expect(response.status).toBe(201)
    expect(((await response.json()) as { doc: { slug: string } }).doc.slug).toBe('mushishi-4')
  })

  it('does not count a document against itself, and follows a new anime title with a free slug', async () => {
    const first = await anime({ title: 'Kino no Tabi' })
    const second = await anime({ title: 'Kino no Tabi' })
    expect(second.slug).toBe('kino-no-tabi-2')
    // Saving without a slug keeps the slug the title gives, not another suffix.
    const again = await ctx.payload.update({ collection: 'anime', id: first.id, data: { synopsis: null } as never })
    expect(again.slug).toBe('kino-no-tabi')
    const renamed = await ctx.payload.update({ collection: 'anime', id: second.id, data: { title: 'Kino no Tabi' } as never })
    expect(renamed.slug).toBe('kino-no-tabi-2')
  })

  it('refuses an explicit slug another anime has, naming `slug` (400), and normalises an explicit one', async () => {
    await anime({ title: 'Haibane Renmei' })
    expect(await refusedPaths(anime({ title: 'Something else', slug: 'haibane-renmei' }))).toEqual(['slug'])
    expect((await anime({ title: 'Other', slug: 'Ёжик В Тумане' })).slug).toBe('yozhik-v-tumane')
  })

  it('transliterates a Cyrillic anime title (it used to give no slug)', async () => {
    expect((await anime({ title: 'Ёжик в тумане' })).slug).toBe('yozhik-v-tumane-2')
  })

  it('suffixes genres too', async () => {
    expect((await ctx.payload.create({ collection: 'genres', data: { name: 'Sci-Fi' } })).slug).toBe('sci-fi')
    expect((await ctx.payload.create({ collection: 'genres', data: { name: 'Sci Fi' } })).slug).toBe('sci-fi-2')
  })

  it('gives a second aircraft of the same name `<slug>-2` and keeps an aviation slug when the name changes', async () => {
    const first = await aircraft({ name: 'Ту-144' })
    expect(first.slug).toBe('tu-144')
    const second = await aircraft({ name: 'Ту-144' })
    expect(second.slug).toBe('tu-144-2')
    const renamed = await ctx.payload.update({ collection: 'aircraft', id: second.id, data: { name: 'Tu-144D' } as never, locale: 'en' })
    expect(renamed.slug).toBe('tu-144-2')
    expect(await refusedPaths(aircraft({ name: 'Concorde', slug: 'tu-144' }))).toEqual(['slug'])
    const bureau = await ctx.payload.create({ collection: 'design-bureaus', data: { name: 'ОКБ Туполева', _status: 'published' } as never })
    const twin = await ctx.payload.create({ collection: 'design-bureaus', data: { name: 'ОКБ Туполева', _status: 'published' } as never })
    expect([bureau.slug, twin.slug]).toEqual(['okb-tupoleva', 'okb-tupoleva-2'])
  })
})
