import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@/payload-types'

/** The author is whoever creates the article (from the token); a body's `author` is ignored. */
export const setAuthorFromUser: CollectionBeforeChangeHook<Article> = ({ data, operation, req }) => {
  if (operation !== 'create' || !req.user || req.user.collection !== 'users') return data
  return { ...data, author: req.user.id }
}
