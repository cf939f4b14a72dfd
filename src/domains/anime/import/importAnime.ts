import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  ValidationError,
  type Payload,
  type PayloadRequest,
} from 'payload'

import { slugify } from '@/platform/fields/slug'
import type { ParsedInput, Rejection } from './records'
import { plainTextToLexical } from '@/platform/seed'
import { EXTERNAL_ID_KEYS, validateRow, type AnimeImportRow, type ExternalIdKey } from './validateRow'

export type ImportSummary = {
  total: number
  created: number
  updated: number
  rejected: number
  rejections: Rejection[]
  durationMs: number
}

export type ImportOptions = {
  /** Called after every row: rows done so far, total rows. */
  onProgress?: (done: number, total: number) => void
  /** Rows whose existing documents are looked up with one query. */
  batchSize?: number
}

/** A database that stopped answering: the import stops instead of rejecting every remaining row. */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`the database stopped answering: ${cause instanceof Error ? cause.message : String(cause)}`)
    this.name = 'DatabaseUnavailableError'
  }
}

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
])

const isConnectionError = (error: unknown): boolean => {
  for (
    let current = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined, depth = 0;
    current && depth < 5;
    depth++
  ) {
    if (typeof current.code === 'string' && CONNECTION_CODES.has(current.code)) return true
    if (typeof current.message === 'string' && /Connection terminated|connection timeout|ECONNREFUSED/i.test(current.message)) return true
    current = current.cause as typeof current
  }
  return false
}

/** Payload's refusal as reasons: "payload: externalIds.mal: Value must be unique". */
export const reasonsFromError = (error: unknown): string[] => {
  if (error instanceof ValidationError) {
    const errors = (error.data as { errors?: { path?: string; message?: string }[] } | undefined)?.errors ?? []
    if (errors.length > 0) return errors.map(({ path, message }) => `payload: ${path ?? '?'}: ${message ?? 'invalid'}`)
  }
  // Drizzle wraps the database's own error ("Failed query: <SQL>"): the cause is what explains it.
  const cause = (error as { cause?: unknown } | undefined)?.cause
  const message = cause instanceof Error && cause.message ? cause.message : error instanceof Error ? error.message : String(error)
  return [`payload: ${message.split('\n')[0]}`]
}

type Existing = { id: number | string; slug?: string | null; externalIds?: Partial<Record<ExternalIdKey, number | null>> | null }
type Taxonomy = 'genres' | 'studios'

/** Genres and studios by lower-cased name and by slug, so "Sci-Fi", "sci-fi" and "Sci Fi" are one. */
class TaxonomyIndex {
  private byName = new Map<string, number | string>()
  private bySlug = new Map<string, number | string>()

  constructor(private readonly collection: Taxonomy) {}

  async load(payload: Payload): Promise<void> {
    const { docs } = await payload.find({
      collection: this.collection,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { name: true, slug: true },
    })
    for (const doc of docs) this.remember(doc.name, doc.slug, doc.id)
  }

  remember(name: string, slug: string | null | undefined, id: number | string): void {
    this.byName.set(name.toLowerCase(), id)
    if (slug) this.bySlug.set(slug, id)
  }

  find(name: string): number | string | undefined {
    return this.byName.get(name.toLowerCase()) ?? this.bySlug.get(slugify(name))
  }

  /** Ids for `names`, creating the missing ones inside `req`'s transaction; `created` is remembered on commit. */
  async resolve(payload: Payload, names: string[], req: PayloadRequest, created: (() => void)[]): Promise<(number | string)[]> {
    const ids: (number | string)[] = []
    for (const name of names) {
      let id = this.find(name)
      if (id === undefined) {
        const doc = await payload.create({ collection: this.collection, data: { name }, overrideAccess: true, depth: 0, req })
        id = doc.id
        created.push(() => this.remember(doc.name, doc.slug, doc.id))
      }
      if (!ids.includes(id)) ids.push(id)
    }
    return ids
  }
}

const lookupKeys = (rows: AnimeImportRow[]) => {
  const where: Record<string, { in: (number | string)[] }>[] = []
  for (const key of EXTERNAL_ID_KEYS) {
    const values = rows.map((row) => row.externalIds[key]).filter((value): value is number => value !== undefined)
    if (values.length > 0) where.push({ [`externalIds.${key}`]: { in: values } })
  }
  const slugs = rows.map((row) => row.slug).filter(Boolean)
  if (slugs.length > 0) where.push({ slug: { in: slugs } })
  return where
}

/** The document a row updates: by MAL id, then AniList, then Kitsu, then slug. */
const matchExisting = (row: AnimeImportRow, existing: Existing[]): Existing | undefined => {
  for (const key of EXTERNAL_ID_KEYS) {
    const id = row.externalIds[key]
    if (id === undefined) continue
    const match = existing.find((doc) => doc.externalIds?.[key] === id)
    if (match) return match
  }
  return row.slug ? existing.find((doc) => doc.slug === row.slug) : undefined
}

const documentData = (row: AnimeImportRow, genres: (number | string)[], studios: (number | string)[], existing?: Existing) => {
  const data: Record<string, unknown> = {
    title: row.title,
    titleEnglish: row.titleEnglish,
    titleJapanese: row.titleJapanese,
    titleRussian: row.titleRussian,
    altTitles: row.altTitles.length > 0 ? row.altTitles.map((title) => ({ title })) : undefined,
    slug: row.slug || undefined,
    synopsis: row.synopsis ? plainTextToLexical(row.synopsis) : undefined,
    kind: row.kind,
    status: row.status,
    ageRating: row.ageRating,
    season: row.season,
    episodes: row.episodes,
    episodeMinutes: row.episodeMinutes,
    year: row.year,
    airedFrom: row.airedFrom,
    airedTo: row.airedTo,
    score: row.score,
    genres: genres.length > 0 ? genres : undefined,
    studios: studios.length > 0 ? studios : undefined,
    externalIds:
      Object.keys(row.externalIds).length > 0
        ? { ...Object.fromEntries(Object.entries(existing?.externalIds ?? {}).filter(([, value]) => value != null)), ...row.externalIds }
        : undefined,
    _status: 'published',
  }
  // Only what the row gives is written: an update leaves the fields the row leaves empty alone.
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined))
}

/**
 * Imports parsed rows into `anime`, published: validates every row first (pure), refuses rows that
 * repeat a key of an earlier row of the same file, then upserts row by row, each in its own
 * transaction (its new genres and studios included), looking existing documents up a batch at a time.
 * Rows refused by validation or by Payload are returned with their reasons; the others land.
 */
export const importAnime = async (payload: Payload, input: ParsedInput, options: ImportOptions = {}): Promise<ImportSummary> => {
  const started = performance.now()
  const total = input.records.length
  const batchSize = options.batchSize ?? 100
  const rejections: Rejection[] = []
  let done = 0
  let created = 0
  let updated = 0
  const progress = () => options.onProgress?.(done, total)

  const valid: { record: (typeof input.records)[number]; row: AnimeImportRow }[] = []
  const firstRowOf = new Map<string, number>()
  for (const record of input.records) {
    const reject = (reasons: string[]) => {
      rejections.push({ row: record.row, line: record.line, reasons, original: record.original })
      done += 1
    }
    if (record.error) {
      reject([`row ${record.error}`])
      continue
    }
    const result = validateRow(record.data)
    if (!result.ok) {
      reject(result.reasons)
      continue
    }
    const keys = [
      ...EXTERNAL_ID_KEYS.filter((key) => result.value.externalIds[key] !== undefined).map(
        (key) => `${key} id ${result.value.externalIds[key]}`,
      ),
      ...(result.value.slug ? [`slug "${result.value.slug}"`] : []),
    ]
    const duplicates = keys
      .filter((key) => firstRowOf.has(key))
      .map((key) => `duplicate ${key} in the file (first in row ${firstRowOf.get(key)})`)
    if (duplicates.length > 0) {
      reject(duplicates)
      continue
    }
    for (const key of keys) firstRowOf.set(key, record.row)
    valid.push({ record, row: result.value })
  }
  progress()

  const genres = new TaxonomyIndex('genres')
  const studios = new TaxonomyIndex('studios')
  await genres.load(payload)
  await studios.load(payload)

  for (let start = 0; start < valid.length; start += batchSize) {
    const batch = valid.slice(start, start + batchSize)
    const where = lookupKeys(batch.map(({ row }) => row))
    const existing: Existing[] =
      where.length === 0
        ? []
        : (
            await payload.find({
              collection: 'anime',
              where: { or: where },
              pagination: false,
              depth: 0,
              overrideAccess: true,
              select: { slug: true, externalIds: true },
            })
          ).docs

    for (const { record, row } of batch) {
      const match = matchExisting(row, existing)
      const req = await createLocalReq({}, payload)
      const onCommit: (() => void)[] = []
      try {
        await initTransaction(req)
        const genreIds = await genres.resolve(payload, row.genres, req, onCommit)
        const studioIds = await studios.resolve(payload, row.studios, req, onCommit)
        const data = documentData(row, genreIds, studioIds, match)
        if (match) {
          await payload.update({ collection: 'anime', id: match.id, data, draft: false, overrideAccess: true, depth: 0, req })
          updated += 1
        } else {
          await payload.create({ collection: 'anime', data: data as never, draft: false, overrideAccess: true, depth: 0, req })
          created += 1
        }
        await commitTransaction(req)
        for (const remember of onCommit) remember()
      } catch (error) {
        await killTransaction(req).catch(() => undefined)
        if (isConnectionError(error)) throw new DatabaseUnavailableError(error)
        rejections.push({ row: record.row, line: record.line, reasons: reasonsFromError(error), original: record.original })
      }
      done += 1
      progress()
    }
  }

  rejections.sort((a, b) => a.row - b.row)
  return { total, created, updated, rejected: rejections.length, rejections, durationMs: performance.now() - started }
}
