import type { RichTextField } from 'payload'

import { dropUnpublishedLinks } from '../workflow/hooks/dropUnpublishedLinks'

/** Localised Lexical rich text whose links and embeds never show the public an unpublished entry. */
export const localizedRichText = (name: string): RichTextField => ({
  name,
  type: 'richText',
  localized: true,
  hooks: { afterRead: [dropUnpublishedLinks] },
})
