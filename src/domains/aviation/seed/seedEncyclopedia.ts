import { type CollectionSlug, createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { findIdBy, plainTextToLexical, type SeedCounts } from '@/platform/seed'
import { type ArtworkKind, renderArtwork } from './artwork'
import {
  SEED_AIRCRAFT,
  SEED_ARTICLES,
  SEED_BUREAUS,
  SEED_CATEGORIES,
  SEED_DESIGNERS,
  SEED_EVENTS,
  SEED_MANUFACTURERS,
  SEED_PERSONALITIES,
} from './encyclopedia'

type Id = number | string
type EntryCollection =
  'categories' | 'manufacturers' | 'design-bureaus' | 'designers' | 'personalities' | 'aircraft' | 'historical-events' | 'articles'
export type EncyclopediaSeedResult = Record<EntryCollection | 'images', SeedCounts>

/** Published and out of the editorial workflow's way: the seed writes as the system, not as a user. */
const PUBLISHED = { _status: 'published', workflowStatus: 'published' } as const
const day = (date: string | undefined) => (date ? new Date(`${date}T00:00:00.000Z`).toISOString() : undefined)

/**
 * Creates (or finds) the FrankenJet demo encyclopedia: categories, manufacturers, bureaus,
 * designers, personalities, ~20 aircraft, historical events and 10 articles, all published, with
 * generated images uploaded through the media collection (so they land in the configured storage:
 * local disk, or the S3 bucket). Idempotent: documents are found by slug, images by alt text;
 * whatever exists is left as it is, so a second run creates nothing. No transaction: every step
 * can be repeated, so a failed run is finished by running it again.
 */
export const seedEncyclopedia = async (payload: Payload): Promise<EncyclopediaSeedResult> => {
  const req: PayloadRequest = await createLocalReq({ context: { skipWorkflow: true } }, payload)
  const counts = (): SeedCounts => ({ created: 0, existing: 0 })
  const result: EncyclopediaSeedResult = {
    categories: counts(),
    manufacturers: counts(),
    'design-bureaus': counts(),
    designers: counts(),
    personalities: counts(),
    aircraft: counts(),
    'historical-events': counts(),
    articles: counts(),
    images: counts(),
  }
  const ids = new Map<string, Id>()
  const idOf = (collection: EntryCollection, slug: string): Id => {
    const id = ids.get(`${collection}:${slug}`)
    if (id === undefined) throw new Error(`aviation seed: unknown ${collection} "${slug}"`)
    return id
  }
  const optionalId = (collection: EntryCollection, slug: string | undefined) => (slug ? idOf(collection, slug) : undefined)

  /**
   * The media document for a generated image, found by its fixed alt text or uploaded. Not by
   * filename: local storage renames a file whose name is already taken on disk (x-1.webp).
   */
  const image = async (kind: ArtworkKind, slug: string, label: string, alt: string): Promise<Id> => {
    const name = `aviation-${kind}-${slug}.webp`
    const existing = await findIdBy(payload, 'media', 'alt', alt, req)
    if (existing !== undefined) {
      result.images.existing += 1
      return existing
    }
    const data = await renderArtwork(kind, label)
    const doc = await payload.create({
      collection: 'media',
      data: { alt },
      file: { data, mimetype: 'image/webp', name, size: data.length },
      overrideAccess: true,
      depth: 0,
      req,
    })
    result.images.created += 1
    return doc.id
  }

  /** Finds the entry by slug, or creates it in Russian and adds the English text given. */
  const upsert = async (
    collection: EntryCollection,
    slug: string,
    build: () => Promise<Record<string, unknown>>,
    english?: Record<string, unknown>,
  ): Promise<void> => {
    const existing = await findIdBy(payload, collection as CollectionSlug, 'slug', slug, req)
    if (existing !== undefined) {
      result[collection].existing += 1
      ids.set(`${collection}:${slug}`, existing)
      return
    }
    const workflow = collection === 'categories' ? {} : PUBLISHED
    const data = { ...(await build()), slug, ...workflow }
    const doc = await payload.create({ collection, data: data as never, locale: 'ru', draft: false, overrideAccess: true, depth: 0, req })
    const english_ = Object.fromEntries(Object.entries(english ?? {}).filter(([, value]) => value !== undefined))
    if (Object.keys(english_).length > 0) {
      await payload.update({
        collection,
        id: doc.id,
        data: { ...english_, ...workflow } as never,
        locale: 'en',
        draft: false,
        overrideAccess: true,
        depth: 0,
        req,
      })
    }
    result[collection].created += 1
    ids.set(`${collection}:${slug}`, doc.id)
  }

  for (const item of SEED_CATEGORIES) {
    await upsert('categories', item.slug, async () => ({ name: item.name, description: item.description, order: item.order }), {
      name: item.nameEn,
    })
  }
  for (const item of SEED_MANUFACTURERS) {
    await upsert(
      'manufacturers',
      item.slug,
      async () => ({ name: item.name, country: item.country, founded: day(item.founded), defunct: day(item.dissolved) }),
      { name: item.en },
    )
  }
  for (const item of SEED_BUREAUS) {
    await upsert(
      'design-bureaus',
      item.slug,
      async () => ({ name: item.name, country: item.country, founded: day(item.founded), dissolved: day(item.dissolved) }),
      { name: item.en },
    )
  }
  for (const item of SEED_DESIGNERS) {
    await upsert(
      'designers',
      item.slug,
      async () => ({
        name: item.name,
        born: day(item.born),
        died: day(item.died),
        nationality: item.nationality,
        bureau: optionalId('design-bureaus', item.bureau),
        biography: plainTextToLexical(item.biography),
        portrait: await image('portrait', item.slug, item.name, `Портрет: ${item.name} (демонстрационная иллюстрация)`),
      }),
      { name: item.en },
    )
  }
  for (const item of SEED_PERSONALITIES) {
    await upsert(
      'personalities',
      item.slug,
      async () => ({
        name: item.name,
        roles: item.roles,
        born: day(item.born),
        died: day(item.died),
        nationality: item.nationality,
        biography: plainTextToLexical(item.biography),
      }),
      { name: item.en },
    )
  }
  for (const item of SEED_AIRCRAFT) {
    await upsert(
      'aircraft',
      item.slug,
      async () => ({
        name: item.name,
        designation: item.designation,
        role: item.role,
        status: item.status,
        firstFlight: day(item.firstFlight),
        numberBuilt: item.numberBuilt,
        manufacturer: optionalId('manufacturers', item.manufacturer),
        designBureau: optionalId('design-bureaus', item.bureau),
        designers: item.designers.map((slug) => idOf('designers', slug)),
        icaoCode: item.icaoCode,
        description: plainTextToLexical(item.description),
        gallery: [await image('aircraft', item.slug, item.name, `${item.name} (демонстрационная иллюстрация)`)],
      }),
      { name: item.en },
    )
  }
  for (const item of SEED_EVENTS) {
    await upsert(
      'historical-events',
      item.slug,
      async () => ({
        title: item.title,
        date: day(item.date),
        location: item.location,
        aircraft: item.aircraft.map((slug) => idOf('aircraft', slug)),
        personalities: item.personalities.map((slug) => idOf('personalities', slug)),
        description: plainTextToLexical(item.description),
      }),
      { title: item.en },
    )
  }
  for (const item of SEED_ARTICLES) {
    await upsert(
      'articles',
      item.slug,
      async () => ({
        title: item.title,
        excerpt: item.excerpt,
        body: plainTextToLexical(item.body),
        category: idOf('categories', item.category),
        tags: item.tags,
        related: item.related.map(({ relationTo, slug }) => ({ relationTo, value: idOf(relationTo, slug) })),
        cover: await image('cover', item.slug, item.titleEn, `Обложка: ${item.title} (демонстрационная иллюстрация)`),
      }),
      { title: item.titleEn, excerpt: item.excerptEn },
    )
  }
  return result
}
