import { dayOnly, image, reference } from '../fields/references'
import { localizedRichText } from '../fields/richText'
import { encyclopediaCollection } from './encyclopediaCollection'

/** Plants and companies that built the aircraft; `parent` for groups (e.g. a plant of an aviation ministry). */
export const Manufacturers = encyclopediaCollection({
  slug: 'manufacturers',
  singular: 'Manufacturer',
  plural: 'Manufacturers',
  columns: ['country', 'founded', 'defunct', 'parent'],
  defaultSort: 'name',
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'country', type: 'text', localized: true, maxLength: 120 },
        { name: 'founded', type: 'date', index: true, admin: dayOnly },
        { name: 'defunct', type: 'date', admin: dayOnly },
      ],
    },
    reference('parent', 'manufacturers', { description: 'The company or group this one belongs to.' }),
    image('logo'),
    localizedRichText('description'),
    {
      name: 'aircraft',
      type: 'join',
      collection: 'aircraft',
      on: 'manufacturer',
      defaultSort: 'firstFlight',
      admin: { allowCreate: false },
    },
    // Explicit, not localized: see the `designers` join of DesignBureaus (`name` would be a 500 in draft reads).
    {
      name: 'subsidiaries',
      type: 'join',
      collection: 'manufacturers',
      on: 'parent',
      defaultSort: '-createdAt',
      admin: { allowCreate: false },
    },
  ],
})
