import { dayOnly, image, reference } from '../fields/references'
import { localizedRichText } from '../fields/richText'
import { encyclopediaCollection } from './encyclopediaCollection'

export const Designers = encyclopediaCollection({
  slug: 'designers',
  singular: 'Designer',
  plural: 'Designers',
  columns: ['nationality', 'born', 'died', 'bureau'],
  defaultSort: 'name',
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'born', type: 'date', index: true, admin: dayOnly },
        { name: 'died', type: 'date', admin: dayOnly },
        { name: 'nationality', type: 'text', localized: true, maxLength: 120 },
      ],
    },
    reference('bureau', 'design-bureaus', { label: 'Design bureau' }),
    image('portrait'),
    localizedRichText('biography'),
    { name: 'aircraft', type: 'join', collection: 'aircraft', on: 'designers', defaultSort: 'firstFlight', admin: { allowCreate: false } },
  ],
})
