import type { CollectionConfig, Field } from 'payload'

import { slugField } from '@/platform/fields/slug'
import { aviationAccessPolicy } from '../accessPolicy'
import { withEditorialWorkflow } from '../workflow/withEditorialWorkflow'

type EncyclopediaSlug = 'design-bureaus' | 'designers' | 'manufacturers' | 'personalities'

type EncyclopediaOptions = {
  slug: EncyclopediaSlug
  singular: string
  plural: string
  graphQL?: CollectionConfig['graphQL']
  /** Columns of the admin list after `name`; the workflow columns come last. */
  columns: string[]
  defaultSort: string
  /** Whether `name` has its own index (design bureaus are few and sorted by `founded`). */
  indexName?: boolean
  /** Everything after the name and the slug. */
  fields: Field[]
}

/**
 * Design bureaus, designers, manufacturers and personalities share their shape: a localised name,
 * a slug kept once made, their own fields, under the editorial workflow and their policy entry.
 */
export const encyclopediaCollection = ({
  slug,
  singular,
  plural,
  graphQL,
  columns,
  defaultSort,
  indexName = true,
  fields,
}: EncyclopediaOptions): CollectionConfig =>
  withEditorialWorkflow(
    {
      slug,
      labels: { singular, plural },
      ...(graphQL ? { graphQL } : {}),
      admin: {
        group: 'Aviation',
        useAsTitle: 'name',
        defaultColumns: ['name', ...columns, 'workflowStatus', '_status'],
        listSearchableFields: ['name', 'slug'],
      },
      defaultSort,
      fields: [
        { name: 'name', type: 'text', required: true, localized: true, maxLength: 200, ...(indexName ? { index: true } : {}) },
        slugField('name', { onUpdate: 'keep' }),
        ...fields,
      ],
    },
    aviationAccessPolicy.collections[slug],
  )
