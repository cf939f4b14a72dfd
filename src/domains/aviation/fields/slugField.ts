import type { TextField } from 'payload'

import { slugFrom } from '../hooks/slugFrom'

/** A unique, indexed slug made from `source` unless an editor sets one; not localised (one URL per entry). */
export const slugField = (source: string): TextField => ({
  name: 'slug',
  type: 'text',
  unique: true,
  index: true,
  maxLength: 120,
  admin: { position: 'sidebar', description: 'Generated from the title unless set.' },
  hooks: { beforeValidate: [slugFrom(source)] },
})
