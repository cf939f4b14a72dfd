import type { CollectionBeforeChangeHook } from 'payload'

import type { Anime } from '@/payload-types'

type LexicalNode = { text?: unknown; children?: LexicalNode[] }

const plainText = (node: LexicalNode | undefined): string => {
  if (!node) return ''
  const own = typeof node.text === 'string' ? node.text : ''
  const children = Array.isArray(node.children) ? node.children.map(plainText).filter(Boolean).join(' ') : ''
  return [own, children].filter(Boolean).join(' ')
}

const TITLE_FIELDS = ['title', 'titleEnglish', 'titleJapanese', 'titleRussian'] as const

/**
 * Keeps the denormalised search columns current on every write: all titles and alternative titles
 * in one column (trigram-indexed for typo tolerance), the synopsis as plain text in another (in the
 * full-text vector with a lower weight). Both are hidden from the API.
 */
export const buildSearchText: CollectionBeforeChangeHook<Anime> = ({ data, originalDoc }) => {
  const merged = { ...(originalDoc ?? {}), ...data } as Record<string, unknown>
  const titles = TITLE_FIELDS.map((field) => merged[field]).filter(
    (value): value is string => typeof value === 'string' && value.trim() !== '',
  )
  const altTitles = Array.isArray(merged.altTitles)
    ? (merged.altTitles as { title?: unknown }[]).map((alt) => alt?.title).filter((title): title is string => typeof title === 'string')
    : []
  const synopsis = merged.synopsis as { root?: LexicalNode } | null | undefined
  return {
    ...data,
    searchTitles: [...titles, ...altTitles].join(' \n ').toLowerCase(),
    searchSynopsis: plainText(synopsis?.root).slice(0, 20_000).toLowerCase(),
  }
}
