import type { CollectionConfig } from 'payload'

import { enforceWorkflow } from './hooks/enforceWorkflow'
import { keepPublicOnPublished } from './hooks/keepPublicOnPublished'
import { routeWorkflowWrites } from './hooks/routeWorkflowWrites'
import { workflowFields } from './workflowFields'

type Versions = NonNullable<Exclude<CollectionConfig['versions'], boolean>>

/**
 * Puts a FrankenJet collection under the editorial workflow: drafts and versions, the
 * workflowStatus/reviewComment fields and the hooks that enforce it. Who may read, write, publish
 * and see drafts and history is the collection's entry in the access policy (`editorial` in
 * src/domains/aviation/accessPolicy.ts), which it must bring as `access`.
 */
export const withEditorialWorkflow = (
  config: CollectionConfig & { access: NonNullable<CollectionConfig['access']> },
  versions: Versions = { drafts: true, maxPerDoc: 50 },
): CollectionConfig => ({
  ...config,
  versions,
  hooks: {
    ...config.hooks,
    beforeOperation: [keepPublicOnPublished, routeWorkflowWrites, ...(config.hooks?.beforeOperation ?? [])],
    beforeChange: [enforceWorkflow, ...(config.hooks?.beforeChange ?? [])],
  },
  fields: [...config.fields, ...workflowFields],
})
