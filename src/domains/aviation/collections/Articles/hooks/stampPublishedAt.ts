import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@/payload-types'

/** First publication sets `publishedAt` unless an editor chose a date (e.g. for back-dated pieces). */
export const stampPublishedAt: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  if (data._status !== 'published' || data.publishedAt || originalDoc?.publishedAt) return data
  return { ...data, publishedAt: new Date().toISOString() }
}
