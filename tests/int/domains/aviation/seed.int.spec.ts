import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3'
import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'
import { runNpmScript, type ScriptRun } from '../../../helpers/runNpmScript'
import { type RunningS3Server, s3ClientFor, s3StorageEnv, startS3Server } from '../../../helpers/s3Server'
import { createMigratedTestDatabase, type TestDatabase } from '../../../helpers/testDatabase'
import { TEST_SECRET } from '../../../helpers/testSecret'

/**
 * `npm run seed`, the real command: the FrankenJet part (categories, encyclopedia, articles, images)
 * on a fresh migrated database, twice, with local storage; then once more against s3rver.
 */

const MEDIA_DIR = path.resolve('media')
const ENTRIES = ['manufacturers', 'design_bureaus', 'designers', 'personalities', 'aircraft', 'historical_events', 'articles'] as const
// The images the aviation seed uploads: 20 aircraft, 10 article covers, 11 designer portraits.
const AVIATION_IMAGES = 41
const ANIME_POSTERS = 40

const count = async (pool: pg.Pool, sql: string): Promise<number> =>
  Number((await pool.query(`select count(*)::int as n from ${sql}`)).rows[0].n)

/** Every file the seed wrote to media/ (original and resized), to remove them afterwards. */
const mediaFiles = async (pool: pg.Pool): Promise<string[]> => {
  const { rows } = await pool.query(`select * from media`)
  return rows.flatMap((row: Record<string, unknown>) =>
    Object.entries(row)
      .filter(([column, value]) => (column === 'filename' || /^sizes_.*_filename$/.test(column)) && typeof value === 'string')
      .map(([, value]) => path.join(MEDIA_DIR, value as string)),
  )
}

/** Row counts of every collection the aviation seed writes, plus media and users. */
const snapshot = async (pool: pg.Pool) =>
  Object.fromEntries(
    await Promise.all(
      ['categories', ...ENTRIES, 'media', 'users', 'anime'].map(async (table) => [table, await count(pool, table)] as const),
    ),
  )

/** Each test runs the whole seed (anime and FrankenJet, ~80 generated images) twice: ~50 s a run. */
const SEED_TWICE_TIMEOUT_MS = 360_000

describe('npm run seed: the FrankenJet encyclopedia, on local storage', () => {
  let ctx: PayloadInt
  let pool: pg.Pool
  const runSeed = (): Promise<ScriptRun> =>
    runNpmScript('seed', [], { DATABASE_URL: ctx.database.url, SECRET_KEY: TEST_SECRET, S3_BUCKET: '', NODE_ENV: 'test' })

  beforeAll(async () => {
    ctx = await initPayloadInt('aviation_seed', { S3_BUCKET: '' })
    pool = new pg.Pool({ connectionString: ctx.database.url, max: 2 })
  })

  afterAll(async () => {
    if (pool) {
      for (const file of await mediaFiles(pool).catch(() => [])) fs.rmSync(file, { force: true })
      await pool.end()
    }
    await ctx?.cleanup()
  })

  it(
    'creates published categories, entries, articles and images, and a second run creates nothing',
    async () => {
      const first = await runSeed()
      expect(first.code, first.stderr).toBe(0)
      expect(first.stdout).toContain('seed (FrankenJet): categories 5 created, 0 already there;')

      const expected = {
        categories: 5,
        manufacturers: 11,
        design_bureaus: 8,
        designers: 11,
        personalities: 3,
        aircraft: 20,
        historical_events: 4,
        articles: 10,
        media: ANIME_POSTERS + AVIATION_IMAGES,
        users: 4,
        anime: 40,
      }
      expect(await snapshot(pool)).toEqual(expected)
      for (const table of ENTRIES) {
        expect(await count(pool, `${table} where _status = 'published' and workflow_status = 'published'`), table).toBe(expected[table])
      }
      expect(
        await count(pool, `media where alt like 'Портрет: %' or alt like 'Обложка: %' or alt like '%(демонстрационная иллюстрация)'`),
      ).toBe(AVIATION_IMAGES)
      for (const file of await mediaFiles(pool)) expect(fs.existsSync(file), file).toBe(true)

      // What the public sees: everything, published, through access control.
      const { payload } = ctx
      const anonymous = { overrideAccess: false, depth: 0, limit: 100 } as const
      expect((await payload.find({ collection: 'categories', ...anonymous })).totalDocs).toBe(5)
      for (const [collection, total] of [
        ['aircraft', 20],
        ['manufacturers', 11],
        ['design-bureaus', 8],
        ['designers', 11],
        ['personalities', 3],
        ['historical-events', 4],
        ['articles', 10],
      ] as const) {
        expect((await payload.find({ collection, ...anonymous })).totalDocs, collection).toBe(total)
      }

      // Articles: localised, with a category, a cover, and `related` entries that resolve for the public.
      const articles = await payload.find({ collection: 'articles', overrideAccess: false, depth: 1, limit: 100, sort: 'slug' })
      let links = 0
      for (const article of articles.docs) {
        expect(article.category, article.slug!).toMatchObject({ slug: expect.any(String) })
        expect(article.cover, article.slug!).toMatchObject({ mimeType: 'image/webp' })
        expect(article.related?.length, article.slug!).toBeGreaterThan(0)
        for (const link of article.related ?? []) {
          expect(typeof link.value, `${article.slug} -> ${link.relationTo}`).toBe('object')
          expect((link.value as { slug?: string }).slug).toEqual(expect.any(String))
          links += 1
        }
      }
      expect(links).toBe(29)
      const supersonic = articles.docs.find((article) => article.slug === 'supersonic-race')!
      expect(supersonic.title).toBe('Сверхзвуковая гонка: Ту-144 и «Конкорд»')
      const english = await payload.findByID({ collection: 'articles', id: supersonic.id, locale: 'en', overrideAccess: false, depth: 0 })
      expect(english).toMatchObject({
        title: 'The supersonic race: Tu-144 and Concorde',
        excerpt: 'Two supersonic airliners flew two months apart.',
      })

      // Aircraft: gallery image, bureau, designers; the bureau's join lists its aircraft.
      const tu144 = (await payload.find({ collection: 'aircraft', where: { slug: { equals: 'tu-144' } }, overrideAccess: false, depth: 1 }))
        .docs[0]
      expect(tu144).toMatchObject({ name: 'Ту-144', role: 'airliner', numberBuilt: 16, designBureau: { slug: 'okb-tupolev' } })
      expect(tu144.gallery).toHaveLength(1)
      expect(tu144.designers?.map((designer) => (designer as { slug: string }).slug).sort()).toEqual(['alexei-tupolev', 'andrei-tupolev'])
      const tupolev = (
        await payload.find({ collection: 'design-bureaus', where: { slug: { equals: 'okb-tupolev' } }, overrideAccess: false, depth: 0 })
      ).docs[0]
      expect(tupolev.aircraft?.docs).toHaveLength(3)

      // Second run: exit 0, nothing created, no password printed, the same counts.
      const second = await runSeed()
      expect(second.code, second.stderr).toBe(0)
      expect(second.stdout).toContain('seed (FrankenJet): categories 0 created, 5 already there;')
      // Images are looked up only for entries being created, so none is even looked at on a second run.
      expect(second.stdout).toContain('images 0 created, 0 already there.')
      expect(second.stdout).not.toContain('Demo accounts created')
      expect(await snapshot(pool)).toEqual(expected)
      expect(await count(pool, `(select alt from media group by alt having count(*) > 1) d`)).toBe(0)
    },
    SEED_TWICE_TIMEOUT_MS,
  )
})

describe('npm run seed with S3 storage', () => {
  const BUCKET = 'media'
  let s3Server: RunningS3Server | undefined
  let database: TestDatabase | undefined
  let pool: pg.Pool | undefined
  let s3: S3Client | undefined

  beforeAll(async () => {
    s3Server = await startS3Server([BUCKET])
    database = await createMigratedTestDatabase('aviation_seed_s3')
    pool = new pg.Pool({ connectionString: database.url, max: 2 })
    s3 = s3ClientFor(s3Server)
  })

  afterAll(async () => {
    s3?.destroy()
    await pool?.end()
    await database?.drop()
    await s3Server?.stop()
  })

  /** Every key in the bucket (s3rver pages at 1000). */
  const bucketKeys = async (): Promise<string[]> => {
    const keys: string[] = []
    let token: string | undefined
    do {
      const page = await s3!.send(new ListObjectsV2Command({ Bucket: BUCKET, ContinuationToken: token }))
      keys.push(...(page.Contents ?? []).map((object) => object.Key as string))
      token = page.IsTruncated ? page.NextContinuationToken : undefined
    } while (token)
    return keys.sort()
  }

  it(
    'uploads every image to the bucket, not to media/, and a second run uploads none',
    async () => {
      const localBefore = fs.existsSync(MEDIA_DIR) ? fs.readdirSync(MEDIA_DIR).sort() : []
      const env = {
        DATABASE_URL: database!.url,
        SECRET_KEY: TEST_SECRET,
        NODE_ENV: 'test',
        ...s3StorageEnv(s3Server!, BUCKET),
      }
      const first = await runNpmScript('seed', [], env)
      expect(first.code, first.stderr).toBe(0)
      expect(await count(pool!, 'media')).toBe(ANIME_POSTERS + AVIATION_IMAGES)

      // Every file of every media document (original and sizes) is an object under the media/ prefix.
      const expectedKeys = (await mediaFiles(pool!)).map((file) => `media/${path.basename(file)}`).sort()
      const keys = await bucketKeys()
      expect(keys).toEqual(expectedKeys)
      for (const slug of ['tu-144', 'an-2', 'concorde']) expect(keys, slug).toContain(`media/aviation-aircraft-${slug}.webp`)
      expect(keys).toContain('media/aviation-cover-supersonic-race.webp')
      expect(keys).toContain('media/aviation-portrait-andrei-tupolev.webp')
      const localAfter = fs.existsSync(MEDIA_DIR) ? fs.readdirSync(MEDIA_DIR).sort() : []
      expect(localAfter.filter((name) => name.startsWith('aviation-') && !localBefore.includes(name))).toEqual([])

      const second = await runNpmScript('seed', [], env)
      expect(second.code, second.stderr).toBe(0)
      expect(await count(pool!, 'media')).toBe(ANIME_POSTERS + AVIATION_IMAGES)
      expect(await count(pool!, 'aircraft')).toBe(20)
      expect(await count(pool!, 'articles')).toBe(10)
      expect(await bucketKeys()).toEqual(keys)
    },
    SEED_TWICE_TIMEOUT_MS,
  )
})
