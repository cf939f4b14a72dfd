import type { CollectionConfig } from 'payload'

import { personalityRoleOptions } from '../options'
import { dayOnly, image } from '../fields/references'
import { localizedRichText } from '../fields/richText'
import { slugField } from '../../../platform/fields/slug'
import { withEditorialWorkflow } from '../workflow/withEditorialWorkflow'
import { aviationAccessPolicy } from '../accessPolicy'

/** Pilots, engineers, commanders: people of aviation history who are not (only) designers. */
export const Personalities: CollectionConfig = withEditorialWorkflow({
  slug: 'personalities',
  labels: { singular: 'Personality', plural: 'Personalities' },
  admin: {
    group: 'Aviation',
    useAsTitle: 'name',
    defaultColumns: ['name', 'roles', 'born', 'died', 'workflowStatus', '_status'],
    listSearchableFields: ['name', 'slug'],
  },
  defaultSort: 'name',
  fields: [
    { name: 'name', type: 'text', required: true, localized: true, maxLength: 200, index: true },
    slugField('name', { onUpdate: 'keep' }),
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
    { name: 'events', type: 'join', collection: 'historical-events', on: 'personalities', defaultSort: 'date', admin: { allowCreate: false } },
  ],
}, aviationAccessPolicy.collections.personalities)
