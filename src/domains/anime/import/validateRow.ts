import { AGE_RATINGS, ANIME_KINDS, ANIME_STATUSES, SEASONS } from '../options'
import { slugify } from '@/platform/fields/slug'

export const EXTERNAL_ID_KEYS = ['mal', 'anilist', 'kitsu'] as const
export type ExternalIdKey = (typeof EXTERNAL_ID_KEYS)[number]

/** A row that passed validation, in the shape the importer writes. */
export type AnimeImportRow = {
  title: string
  titleEnglish?: string
  titleJapanese?: string
  titleRussian?: string
  altTitles: string[]
  /** Normalised; empty when neither the row nor the title yields one (a title in non-Latin script). */
  slug: string
  synopsis?: string
  kind?: (typeof ANIME_KINDS)[number]
  status?: (typeof ANIME_STATUSES)[number]
  ageRating?: (typeof AGE_RATINGS)[number]
  season?: (typeof SEASONS)[number]
  episodes?: number
  episodeMinutes?: number
  year?: number
  airedFrom?: string
  airedTo?: string
  score?: number
  genres: string[]
  studios: string[]
  externalIds: Partial<Record<ExternalIdKey, number>>
}

export type RowValidation = { ok: true; value: AnimeImportRow } | { ok: false; reasons: string[] }

/** The columns (CSV) and keys (JSON) the importer understands. */
export const IMPORT_FIELDS = [
  'title',
  'titleEnglish',
  'titleJapanese',
  'titleRussian',
  'altTitles',
  'slug',
  'synopsis',
  'kind',
  'status',
  'ageRating',
  'season',
  'episodes',
  'episodeMinutes',
  'year',
  'airedFrom',
  'airedTo',
  'score',
  'genres',
  'studios',
  'mal',
  'anilist',
  'kitsu',
] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

const squash = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '')

const ALIASES: Record<string, ImportField> = {
  ...Object.fromEntries(IMPORT_FIELDS.map((field) => [squash(field), field])),
  type: 'kind',
  malid: 'mal',
  anilistid: 'anilist',
  kitsuid: 'kitsu',
  externalidsmal: 'mal',
  externalidsanilist: 'anilist',
  externalidskitsu: 'kitsu',
  alternativetitles: 'altTitles',
  genre: 'genres',
  studio: 'studios',
}

/** The field a CSV column or JSON key stands for (`title_english`, `Title English` -> `titleEnglish`), if any. */
export const canonicalField = (name: string): ImportField | undefined => ALIASES[squash(name)]

const MAX_TITLE = 300
const MAX_NAME = 120
const MAX_SYNOPSIS = 20_000

const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

const INTEGER = /^[+-]?\d+$/
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * Checks one row (CSV strings or JSON values, keyed by canonical field name) and returns either the
 * clean row or every reason it is refused. Pure: no database, so it runs before anything is written.
 * Empty values mean "not given". Lists are arrays (JSON) or strings separated by `|` or `;`.
 */
export const validateRow = (raw: Partial<Record<ImportField, unknown>>): RowValidation => {
  const reasons: string[] = []

  const text = (field: ImportField, max: number): string | undefined => {
    const value = raw[field]
    if (isBlank(value)) return undefined
    if (typeof value !== 'string') {
      reasons.push(`${field} must be text`)
      return undefined
    }
    const trimmed = value.trim()
    if (trimmed.length > max) {
      reasons.push(`${field} is longer than ${max} characters`)
      return undefined
    }
    return trimmed
  }

  const number = (field: ImportField, { integer, min, max, what }: { integer: boolean; min: number; max: number; what: string }) => {
    const value = raw[field]
    if (isBlank(value)) return undefined
    let parsed: number
    if (typeof value === 'number') parsed = value
    else if (typeof value === 'string' && (integer ? INTEGER : DECIMAL).test(value.trim())) parsed = Number(value.trim())
    else parsed = Number.NaN
    if (!Number.isFinite(parsed) || (integer && !Number.isInteger(parsed)) || parsed < min || parsed > max) {
      reasons.push(`${field} must be ${what} (got ${JSON.stringify(value)})`)
      return undefined
    }
    return parsed
  }

  const choice = <T extends string>(field: ImportField, allowed: readonly T[]): T | undefined => {
    const value = raw[field]
    if (isBlank(value)) return undefined
    const normalised = typeof value === 'string' ? value.trim().toLowerCase() : undefined
    if (normalised === undefined || !(allowed as readonly string[]).includes(normalised)) {
      reasons.push(`${field} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value)})`)
      return undefined
    }
    return normalised as T
  }

  const list = (field: ImportField, max: number): string[] => {
    const value = raw[field]
    if (isBlank(value)) return []
    let items: unknown[]
    if (Array.isArray(value)) items = value
    else if (typeof value === 'string') items = value.split(/[|;]/)
    else {
      reasons.push(`${field} must be a list (an array, or text separated by | or ;)`)
      return []
    }
    const seen = new Set<string>()
    const out: string[] = []
    for (const item of items) {
      if (typeof item !== 'string') {
        reasons.push(`${field} must contain text only (got ${JSON.stringify(item)})`)
        return []
      }
      const trimmed = item.trim().replace(/\s+/g, ' ')
      if (!trimmed) continue
      if (trimmed.length > max) {
        reasons.push(`${field}: "${trimmed.slice(0, 40)}…" is longer than ${max} characters`)
        return []
      }
      const key = trimmed.toLowerCase()
      if (seen.has(key)) continue
      seen.add(key)
      out.push(trimmed)
    }
    return out
  }

  const date = (field: ImportField): string | undefined => {
    const value = raw[field]
    if (isBlank(value)) return undefined
    const match = typeof value === 'string' ? ISO_DATE.exec(value.trim()) : null
    if (match) {
      const [, year, month, day] = match
      const dateOnly = match[4] === undefined
      const parsed = new Date(dateOnly ? `${year}-${month}-${day}T00:00:00.000Z` : value!.toString().trim().replace(' ', 'T'))
      // Round-trip the calendar date, so 2023-02-30 is refused rather than rolled over.
      const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
      if (
        !Number.isNaN(parsed.getTime()) &&
        calendar.getUTCFullYear() === Number(year) &&
        calendar.getUTCMonth() === Number(month) - 1 &&
        calendar.getUTCDate() === Number(day)
      ) {
        return parsed.toISOString()
      }
    }
    reasons.push(`${field} must be an ISO date like 2024-04-01 (got ${JSON.stringify(value)})`)
    return undefined
  }

  const title = text('title', MAX_TITLE)
  if (title === undefined && !reasons.some((reason) => reason.startsWith('title '))) reasons.push('title is required')

  const externalIds: Partial<Record<ExternalIdKey, number>> = {}
  for (const key of EXTERNAL_ID_KEYS) {
    const id = number(key, { integer: true, min: 1, max: 2_147_483_647, what: 'a positive integer' })
    if (id !== undefined) externalIds[key] = id
  }

  const explicitSlug = text('slug', 120)
  const value: AnimeImportRow = {
    title: title ?? '',
    titleEnglish: text('titleEnglish', MAX_TITLE),
    titleJapanese: text('titleJapanese', MAX_TITLE),
    titleRussian: text('titleRussian', MAX_TITLE),
    altTitles: list('altTitles', MAX_TITLE),
    slug: slugify(explicitSlug ?? title ?? ''),
    synopsis: text('synopsis', MAX_SYNOPSIS),
    kind: choice('kind', ANIME_KINDS),
    status: choice('status', ANIME_STATUSES),
    ageRating: choice('ageRating', AGE_RATINGS),
    season: choice('season', SEASONS),
    episodes: number('episodes', { integer: true, min: 0, max: 100_000, what: 'an integer from 0 to 100000' }),
    episodeMinutes: number('episodeMinutes', { integer: false, min: 0, max: 1_000, what: 'a number from 0 to 1000' }),
    year: number('year', { integer: true, min: 1900, max: 2100, what: 'an integer from 1900 to 2100' }),
    airedFrom: date('airedFrom'),
    airedTo: date('airedTo'),
    score: number('score', { integer: false, min: 0, max: 10, what: 'a number from 0 to 10' }),
    genres: list('genres', MAX_NAME),
    studios: list('studios', MAX_NAME),
    externalIds,
  }

  if (value.airedFrom && value.airedTo && value.airedTo < value.airedFrom) reasons.push('airedTo is before airedFrom')
  if (explicitSlug !== undefined && !value.slug) reasons.push('slug has no letters or digits')
  if (title !== undefined && !value.slug && Object.keys(externalIds).length === 0) {
    reasons.push('the title gives no slug (no Latin letters or digits): give a slug or an external id (mal, anilist, kitsu)')
  }

  return reasons.length > 0 ? { ok: false, reasons } : { ok: true, value }
}
