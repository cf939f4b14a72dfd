import { Forbidden } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

let ctx: PayloadInt
type Who = 'admin' | 'editor' | 'alice'
const users = {} as Record<Who, { id: number; token: string }>

const json = (method: string, body: unknown, token?: string): RequestInit & { token?: string } => ({
  method,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
  ...(token ? { token } : {}),
})
const idsOf = (join: unknown) =>
  ((join as { docs?: unknown[] } | undefined)?.docs ?? []).map((doc) => (typeof doc === 'object' ? (doc as { id: number }).id : doc))
// Server-side fixtures: no user, so no workflow; published unless said otherwise.
const make = async <T extends Record<string, unknown>>(collection: string, data: T, status: 'published' | 'draft' = 'published') =>
  (await ctx.payload.create({ collection: collection as 'aircraft', data: { ...data, _status: status } as never })) as unknown as {
    id: number
    slug: string
  } & Record<string, unknown>

beforeAll(async () => {
  ctx = await initPayloadInt('aviation-model')
  const add = async (who: Who, roles?: ('editor' | 'user')[]) => {
    const user = await ctx.payload.create({
      collection: 'users',
      data: { email: `${who}@example.com`, password: 'aviation-password', ...(roles ? { roles } : {}) },
    })
    users[who] = { id: user.id, token: await ctx.rest.login(user.email, 'aviation-password') }
  }
  await add('admin')
  await add('editor', ['editor'])
  await add('alice')
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('the aviation content model', () => {
  it('makes slugs from Russian names (transliterated) and keeps them when the English name is saved', async () => {
    const tu144 = await make('aircraft', { name: 'Ту-144', designation: 'Tu-144' })
    expect(tu144.slug).toBe('tu-144')
    await ctx.payload.update({ collection: 'aircraft', id: tu144.id, locale: 'en', data: { name: 'Tupolev Tu-144 Charger' } })
    expect((await ctx.payload.findByID({ collection: 'aircraft', id: tu144.id })).slug).toBe('tu-144')
    const bureau = await make('design-bureaus', { name: 'ОКБ Туполева' })
    expect(bureau.slug).toBe('okb-tupoleva')
    await expect(make('aircraft', { name: 'Another', slug: 'tu-144' })).rejects.toThrow()
  })

  it('stores specifications with units, variants and codes', async () => {
    const il76 = await make('aircraft', {
      name: 'Ил-76',
      designation: 'Il-76',
      role: 'transport',
      status: 'in_service',
      firstFlight: '1971-03-25T00:00:00.000Z',
      numberBuilt: 960,
      icaoCode: 'IL76',
      iataCode: 'IL7',
      variants: [{ designation: 'Il-76MD', description: 'Военно-транспортный' }, { designation: 'Il-76TD' }],
      specifications: {
        crew: 5,
        lengthM: 46.59,
        wingspanM: 50.5,
        maxTakeoffWeightKg: 190000,
        maxSpeedKmh: 900,
        rangeKm: 4400,
        serviceCeilingM: 13000,
        engines: '4 × Д-30КП',
      },
    })
    const read = await ctx.rest.get(`/aircraft/${il76.id}?depth=0`)
    expect(read.status).toBe(200)
    const body = (await read.json()) as Record<string, unknown>
    expect(body).toMatchObject({
      role: 'transport',
      status: 'in_service',
      icaoCode: 'IL76',
      numberBuilt: 960,
      specifications: { crew: 5, lengthM: 46.59, maxTakeoffWeightKg: 190000, engines: '4 × Д-30КП' },
      workflowStatus: 'published',
      _status: 'published',
    })
    expect((body.variants as { designation: string }[]).map((variant) => variant.designation)).toEqual(['Il-76MD', 'Il-76TD'])
  })

  it('joins the reverse sides: bureau and designer and manufacturer list their aircraft, people their events, categories their articles', async () => {
    const bureau = await make('design-bureaus', { name: 'ОКБ Микояна' })
    const designer = await make('designers', { name: 'Артём Микоян', bureau: bureau.id })
    const parent = await make('manufacturers', { name: 'Объединённая авиастроительная корпорация' })
    const plant = await make('manufacturers', { name: 'Завод Знамя Труда', parent: parent.id })
    const mig21 = await make('aircraft', {
      name: 'МиГ-21',
      designBureau: bureau.id,
      designers: [designer.id],
      manufacturer: plant.id,
      firstFlight: '1955-02-14T00:00:00.000Z',
    })
    const mig29 = await make('aircraft', {
      name: 'МиГ-29',
      designBureau: bureau.id,
      designers: [designer.id],
      manufacturer: plant.id,
      firstFlight: '1977-10-06T00:00:00.000Z',
    })
    const pilot = await make('personalities', { name: 'Георгий Мосолов', roles: ['test_pilot'] })
    const record = await make('historical-events', {
      title: 'Рекорд высоты',
      date: '1961-04-28T00:00:00.000Z',
      aircraft: [mig21.id],
      personalities: [pilot.id],
    })
    const category = await ctx.payload.create({ collection: 'categories', data: { name: 'История', order: 1 } })
    const article = await make('articles', {
      title: 'Как летал МиГ-21',
      category: category.id,
      related: [{ relationTo: 'aircraft', value: mig21.id }],
    })

    const get = async (path: string) => (await (await ctx.rest.get(`${path}?depth=0`)).json()) as Record<string, unknown>
    const bureauDoc = await get(`/design-bureaus/${bureau.id}`)
    expect(idsOf(bureauDoc.aircraft)).toEqual([mig21.id, mig29.id])
    expect(idsOf(bureauDoc.designers)).toEqual([designer.id])
    expect(idsOf((await get(`/designers/${designer.id}`)).aircraft)).toEqual([mig21.id, mig29.id])
    const plantDoc = await get(`/manufacturers/${plant.id}`)
    expect(idsOf(plantDoc.aircraft)).toEqual([mig21.id, mig29.id])
    expect(idsOf((await get(`/manufacturers/${parent.id}`)).subsidiaries)).toEqual([plant.id])
    expect(idsOf((await get(`/personalities/${pilot.id}`)).events)).toEqual([record.id])
    expect(idsOf((await get(`/aircraft/${mig21.id}`)).events)).toEqual([record.id])
    expect(idsOf((await get(`/categories/${category.id}`)).articles)).toEqual([article.id])
    expect(category.slug).toBe('istoriya')
  })
})

describe('localisation: Russian by default, English on request, Russian as the fallback', () => {
  it('serves each locale and falls back to Russian where English is missing', async () => {
    const category = await ctx.payload.create({
      collection: 'categories',
      data: { name: 'Конструкторы', description: 'О людях, которые проектировали самолёты' },
    })
    await ctx.payload.update({ collection: 'categories', id: category.id, locale: 'en', data: { name: 'Designers' } })
    const read = async (query: string) =>
      (await (await ctx.rest.get(`/categories/${category.id}${query}`)).json()) as { name?: unknown; description?: unknown }

    expect(await read('')).toMatchObject({ name: 'Конструкторы', description: 'О людях, которые проектировали самолёты' })
    expect(await read('?locale=ru')).toMatchObject({ name: 'Конструкторы' })
    // English name, Russian description (fallback on).
    expect(await read('?locale=en')).toMatchObject({ name: 'Designers', description: 'О людях, которые проектировали самолёты' })
    const strict = await read('?locale=en&fallback-locale=none')
    expect(strict.name).toBe('Designers')
    expect(strict.description ?? null).toBeNull()
    expect((await read('?locale=all')).name).toEqual({ ru: 'Конструкторы', en: 'Designers' })
  })

  it('localises rich text and nested text (specifications, variants) of aircraft', async () => {
    const an2 = await make('aircraft', {
      name: 'Ан-2',
      specifications: { engines: 'АШ-62ИР' },
      variants: [{ designation: 'An-2T', description: 'Транспортный' }],
    })
    const variants = (await ctx.payload.findByID({ collection: 'aircraft', id: an2.id, depth: 0 })).variants ?? []
    await ctx.payload.update({
      collection: 'aircraft',
      id: an2.id,
      locale: 'en',
      data: {
        name: 'Antonov An-2',
        specifications: { engines: 'Shvetsov ASh-62IR' },
        variants: variants.map((variant) => ({ ...variant, description: 'Transport' })),
      },
    })
    const en = await ctx.payload.findByID({ collection: 'aircraft', id: an2.id, locale: 'en' })
    expect(en).toMatchObject({ name: 'Antonov An-2', specifications: { engines: 'Shvetsov ASh-62IR' } })
    expect(en.variants?.[0]?.description).toBe('Transport')
    const ru = await ctx.payload.findByID({ collection: 'aircraft', id: an2.id })
    expect(ru).toMatchObject({ name: 'Ан-2', specifications: { engines: 'АШ-62ИР' } })
    expect(ru.variants?.[0]?.description).toBe('Транспортный')
  })

  it('leaves the anime collections unlocalised', async () => {
    const anime = await ctx.payload.create({ collection: 'anime', data: { title: 'Kaze Tachinu', _status: 'published' } })
    const all = await ctx.payload.findByID({ collection: 'anime', id: anime.id, locale: 'all' })
    expect(all.title).toBe('Kaze Tachinu')
  })
})

describe('app-settings', () => {
  it('is read by anyone and changed by admins only', async () => {
    const anonymous = await ctx.rest.get('/globals/app-settings')
    expect(anonymous.status).toBe(200)
    expect(((await anonymous.json()) as { siteTitle: string }).siteTitle).toBe('FrankenJet')

    const body = {
      siteTitle: 'ФранкенДжет',
      maintenanceBanner: { enabled: true, message: 'Плановые работы в 03:00', tone: 'warning' as const },
      socialLinks: [{ platform: 'telegram' as const, url: 'https://t.me/frankenjet' }],
    }
    for (const token of [undefined, users.alice.token, users.editor.token]) {
      expect((await ctx.rest.post('/globals/app-settings', json('POST', body, token))).status).toBe(403)
    }
    await expect(
      ctx.payload.updateGlobal({
        slug: 'app-settings',
        data: body,
        user: { ...(await ctx.payload.findByID({ collection: 'users', id: users.editor.id })), collection: 'users' },
        overrideAccess: false,
      }),
    ).rejects.toBeInstanceOf(Forbidden)
    expect((await ctx.payload.findGlobal({ slug: 'app-settings' })).siteTitle).toBe('FrankenJet')

    const saved = await ctx.rest.post('/globals/app-settings', json('POST', body, users.admin.token))
    expect(saved.status).toBe(200)
    const read = (await (await ctx.rest.get('/globals/app-settings')).json()) as typeof body
    expect(read).toMatchObject({ siteTitle: 'ФранкенДжет', maintenanceBanner: { enabled: true, tone: 'warning' } })
    expect(read.socialLinks[0]).toMatchObject({ platform: 'telegram', url: 'https://t.me/frankenjet' })
    // Localised: the English title falls back to the Russian one until set.
    expect(((await (await ctx.rest.get('/globals/app-settings?locale=en')).json()) as typeof body).siteTitle).toBe('ФранкенДжет')

    const bad = await ctx.rest.post(
      '/globals/app-settings',
      json('POST', { socialLinks: [{ platform: 'x', url: 'javascript:alert(1)' }] }, users.admin.token),
    )
    expect(bad.status).toBe(400)
  })
})

describe('favorites of articles and aircraft', () => {
  it('accepts published articles and aircraft, refuses drafts and unknown collections', async () => {
    const article = await make('articles', { title: 'Избранная статья' })
    const aircraft = await make('aircraft', { name: 'Бе-200' })
    const draft = await make('articles', { title: 'Черновик' }, 'draft')
    const favorite = (item: unknown) => ctx.rest.post('/favorites?depth=0', json('POST', { item }, users.alice.token))

    expect((await favorite({ relationTo: 'articles', value: article.id })).status).toBe(201)
    expect((await favorite({ relationTo: 'aircraft', value: aircraft.id })).status).toBe(201)
    expect((await favorite({ relationTo: 'articles', value: article.id })).status).toBe(409)
    expect((await favorite({ relationTo: 'articles', value: draft.id })).status).toBe(400)
    expect((await favorite({ relationTo: 'designers', value: 1 })).status).toBe(400)
    const mine = (await (await ctx.rest.get('/favorites?depth=0', { token: users.alice.token })).json()) as {
      docs: { item: { relationTo: string } }[]
    }
    expect(mine.docs.map((doc) => doc.item.relationTo).sort()).toEqual(['aircraft', 'articles'])
  })
})
