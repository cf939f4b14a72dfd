import type { CollectionConfig } from 'payload'

import { collectionAccess, publishedUnlessReadsDrafts, type DraftCollectionAccess } from '@/platform/auth'
import { enforceWorkflow } from './hooks/enforceWorkflow'
import { routeWorkflowWrites } from './hooks/routeWorkflowWrites'
import { workflowFields } from './workflowFields'

type Versions = NonNullable<Exclude<CollectionConfig['versions'], boolean>>

/**
 * Puts a FrankenJet collection under the editorial workflow: drafts and versions, the
 * workflowStatus/reviewComment fields and the hooks that enforce it. Who may read, write, publish
 * and see drafts and history is the collection's entry in the access policy (`editorial` in
 * src/domains/aviation/accessPolicy.ts); `?draft=true` is ignored for whoever its readDrafts refuses.
 */
export const withEditorialWorkflow = (
  config: CollectionConfig,
  policy: DraftCollectionAccess,
  versions: Versions = { drafts: true, maxPerDoc: 50 },
): CollectionConfig => ({
  ...config,
  versions,
  access: collectionAccess(policy),
  hooks: {
    ...config.hooks,
    beforeOperation: [publishedUnlessReadsDrafts(policy.readDrafts), routeWorkflowWrites, ...(config.hooks?.beforeOperation ?? [])],
    beforeChange: [enforceWorkflow, ...(config.hooks?.beforeChange ?? [])],
  },
  fields: [...config.fields, ...workflowFields],
})
