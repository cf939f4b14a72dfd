import { personalityRoleOptions } from '../options'
import { dayOnly, image } from '../fields/references'
import { localizedRichText } from '../fields/richText'
import { encyclopediaCollection } from './encyclopediaCollection'

/** Pilots, engineers, commanders: people of aviation history who are not (only) designers. */
export const Personalities = encyclopediaCollection({
  slug: 'personalities',
  singular: 'Personality',
  plural: 'Personalities',
  columns: ['roles', 'born', 'died'],
  defaultSort: 'name',
  fields: [
    { name: 'roles', type: 'select', hasMany: true, options: personalityRoleOptions, index: true },
    {
      type: 'row',
      fields: [
        { name: 'born', type: 'date', index: true, admin: dayOnly },
        { name: 'died', type: 'date', admin: dayOnly },
        { name: 'nationality', type: 'text', localized: true, maxLength: 120 },
      ],
    },
    image('portrait'),
    localizedRichText('biography'),
    {
      name: 'events',
      type: 'join',
      collection: 'historical-events',
      on: 'personalities',
      defaultSort: 'date',
      admin: { allowCreate: false },
    },
  ],
})
