import type { CollectionConfig } from 'payload'

import { aircraftRoleOptions, aircraftStatusOptions } from '../../options'
import { dayOnly, image, reference } from '../../fields/references'
import { localizedRichText } from '../../fields/richText'
import { slugField } from '@/platform/fields/slug'
import { withEditorialWorkflow } from '../../workflow/withEditorialWorkflow'
import { aviationAccessPolicy } from '../../accessPolicy'
import { specifications } from './specifications'

export const Aircraft: CollectionConfig = withEditorialWorkflow(
  {
    slug: 'aircraft',
    labels: { singular: 'Aircraft', plural: 'Aircraft' },
    // Singular and plural would both be "Aircraft".
    graphQL: { singularName: 'Aircraft', pluralName: 'AircraftList' },
    admin: {
      group: 'Aviation',
      useAsTitle: 'name',
      defaultColumns: ['name', 'designation', 'role', 'firstFlight', 'manufacturer', 'workflowStatus', '_status'],
      listSearchableFields: ['name', 'designation', 'slug', 'icaoCode'],
    },
    defaultSort: 'firstFlight',
    fields: [
      { name: 'name', type: 'text', required: true, localized: true, maxLength: 200 },
      slugField('name', { onUpdate: 'keep' }),
      {
        type: 'row',
        fields: [
          { name: 'designation', type: 'text', maxLength: 120, index: true, admin: { description: 'E.g. "Tu-144", "MiG-21bis"' } },
          { name: 'role', type: 'select', options: aircraftRoleOptions, index: true },
          // Own enum name: the default (enum_aircraft_status) is taken by the drafts' _status.
          { name: 'status', type: 'select', options: aircraftStatusOptions, index: true, enumName: 'enum_aircraft_service_status' },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'firstFlight', type: 'date', index: true, admin: dayOnly },
          { name: 'introduced', type: 'date', index: true, admin: dayOnly },
          { name: 'retired', type: 'date', admin: dayOnly },
          { name: 'numberBuilt', type: 'number', min: 0, index: true, admin: { step: 1 } },
        ],
      },
      reference('manufacturer', 'manufacturers'),
      reference('designBureau', 'design-bureaus', { label: 'Design bureau' }),
      reference('designers', 'designers', { hasMany: true }),
      {
        name: 'variants',
        type: 'array',
        labels: { singular: 'Variant', plural: 'Variants' },
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'designation', type: 'text', required: true, maxLength: 120 },
              { name: 'firstFlight', type: 'date', admin: dayOnly },
            ],
          },
          { name: 'description', type: 'textarea', localized: true, maxLength: 2000 },
        ],
      },
      specifications,
      image('gallery', true),
      {
        type: 'row',
        fields: [
          { name: 'icaoCode', type: 'text', maxLength: 4, index: true, admin: { description: 'ICAO type designator, e.g. "T144"' } },
          { name: 'iataCode', type: 'text', maxLength: 3, index: true, admin: { description: 'IATA type code, e.g. "TU4"' } },
        ],
      },
      localizedRichText('description'),
      { name: 'events', type: 'join', collection: 'historical-events', on: 'aircraft', admin: { allowCreate: false } },
    ],
  },
  aviationAccessPolicy.collections.aircraft,
)
