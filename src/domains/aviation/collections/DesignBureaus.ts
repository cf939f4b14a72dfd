import { dayOnly, image, reference } from '../fields/references'
import { localizedRichText } from '../fields/richText'
import { encyclopediaCollection } from './encyclopediaCollection'

/** OKB and design offices (Tupolev, Mikoyan-Gurevich, Lockheed Skunk Works...). */
export const DesignBureaus = encyclopediaCollection({
  slug: 'design-bureaus',
  singular: 'Design bureau',
  plural: 'Design bureaus',
  graphQL: { singularName: 'DesignBureau', pluralName: 'DesignBureaus' },
  columns: ['country', 'founded', 'dissolved'],
  defaultSort: 'founded',
  indexName: false,
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'country', type: 'text', localized: true, maxLength: 120 },
        { name: 'founded', type: 'date', index: true, admin: dayOnly },
        { name: 'dissolved', type: 'date', admin: dayOnly },
      ],
    },
    reference('chiefDesigners', 'designers', { hasMany: true, label: 'Chief designers' }),
    image('logo'),
    localizedRichText('description'),
    {
      name: 'aircraft',
      type: 'join',
      collection: 'aircraft',
      on: 'designBureau',
      defaultSort: 'firstFlight',
      admin: { allowCreate: false },
    },
    // An explicit sort on a column that is not localized: without it a draft read sorts this join by
    // designers' defaultSort (`name`, localized), which @payloadcms/drizzle 3.90.1 turns into invalid
    // SQL (500). '-createdAt' is what published reads already used (tests/int/domains/aviation/draftJoins).
    { name: 'designers', type: 'join', collection: 'designers', on: 'bureau', defaultSort: '-createdAt', admin: { allowCreate: false } },
  ],
})
