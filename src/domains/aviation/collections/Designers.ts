import type { CollectionConfig } from 'payload'

import { dayOnly, image, reference } from '../fields/references'
import { localizedRichText } from '../fields/richText'
import { slugField } from '../../../platform/fields/slug'
import { withEditorialWorkflow } from '../workflow/withEditorialWorkflow'
import { aviationAccessPolicy } from '../accessPolicy'

export const Designers: CollectionConfig = withEditorialWorkflow({
  slug: 'designers',
  labels: { singular: 'Designer', plural: 'Designers' },
  admin: {
    group: 'Aviation',
    useAsTitle: 'name',
    defaultColumns: ['name', 'nationality', 'born', 'died', 'bureau', 'workflowStatus', '_status'],
    listSearchableFields: ['name', 'slug'],
  },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, maxLength: 200, index: true },
    slugField('name', { onUpdate: 'keep' }),
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
}, aviationAccessPolicy.collections.designers)
