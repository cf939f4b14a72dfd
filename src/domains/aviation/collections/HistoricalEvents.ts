import type { CollectionConfig } from 'payload'

import { dayOnly, image, reference } from '../fields/references'
import { localizedRichText } from '../fields/richText'
import { slugField } from '@/platform/fields/slug'
import { withEditorialWorkflow } from '../workflow/withEditorialWorkflow'
import { aviationAccessPolicy } from '../accessPolicy'

/** First flights, records, crashes, battles: dated events with the aircraft and people involved. */
export const HistoricalEvents: CollectionConfig = withEditorialWorkflow(
  {
    slug: 'historical-events',
    labels: { singular: 'Historical event', plural: 'Historical events' },
    graphQL: { singularName: 'HistoricalEvent', pluralName: 'HistoricalEvents' },
    admin: {
      group: 'Aviation',
      useAsTitle: 'title',
      defaultColumns: ['title', 'date', 'location', 'workflowStatus', '_status'],
      listSearchableFields: ['title', 'slug'],
    },
    defaultSort: 'date',
    fields: [
      { name: 'title', type: 'text', required: true, localized: true, maxLength: 300 },
      slugField('title', { onUpdate: 'keep' }),
      {
        type: 'row',
        fields: [
          { name: 'date', type: 'date', required: true, index: true, admin: dayOnly },
          { name: 'location', type: 'text', localized: true, maxLength: 200 },
        ],
      },
      reference('aircraft', 'aircraft', { hasMany: true }),
      reference('personalities', 'personalities', { hasMany: true }),
      image('image'),
      localizedRichText('description'),
    ],
  },
  aviationAccessPolicy.collections['historical-events'],
)
