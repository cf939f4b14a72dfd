import { enTranslations } from '@payloadcms/translations/languages/en'
import type { FlattenedField } from 'payload'
import { toWords } from 'payload/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { initPayloadInt, type PayloadInt } from '../../../helpers/initPayloadInt'

let ctx: PayloadInt

beforeAll(async () => {
  ctx = await initPayloadInt('admin-panel')
})

afterAll(async () => {
  await ctx?.cleanup()
})

/** A translation key such as `version:status` in English, as the admin panel shows it. */
const t = (key: string): string =>
  key.split(':').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], enTranslations) as string

/** The column header the list view shows for a field: its label, or its name in words. */
const headerOf = (field: FlattenedField): string => {
  const label = 'label' in field ? field.label : undefined
  if (typeof label === 'function') return String(label({ i18n: { language: 'en', t } as never, t: t as never }))
  if (typeof label === 'string') return label
  if (label && typeof label === 'object') return String((label as Record<string, string>).en)
  return toWords(field.name)
}

describe('the admin panel', () => {
  it('labels every default column of each collection list differently (anime: airing status vs publication status)', () => {
    for (const collection of ctx.config.collections) {
      const columns = collection.admin.defaultColumns ?? []
      const headers = columns.map((name) => {
        const field = collection.flattenedFields.find((candidate) => candidate.name === name)
        return field ? headerOf(field) : name
      })
      expect(new Set(headers).size, `${collection.slug}: ${headers.join(', ')}`).toBe(headers.length)
    }
    const anime = ctx.config.collections.find((collection) => collection.slug === 'anime')
    const header = (name: string) => headerOf(anime!.flattenedFields.find((field) => field.name === name)!)
    expect([header('status'), header('_status')]).toEqual(['Airing status', 'Status'])
  })

  it('draws the account avatar in the header without an image from gravatar.com (unreachable here: a broken image)', () => {
    expect(ctx.config.admin.avatar).toBe('default')
  })
})
