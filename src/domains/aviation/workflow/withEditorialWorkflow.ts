import type { CollectionConfig } from 'payload'

import { isAdmin, staffOrPublished } from '../../../platform/auth'
import { staffReadsVersions } from './access/readVersions'
import { createEntries, updateEntries } from './access/writeEntries'
import { enforceWorkflow } from './hooks/enforceWorkflow'
import { keepPublicOnPublished } from './hooks/keepPublicOnPublished'
import { routeWorkflowWrites } from './hooks/routeWorkflowWrites'
import { workflowFields } from './workflowFields'

type Versions = NonNullable<Exclude<CollectionConfig['versions'], boolean>>

/**
 * Puts a FrankenJet collection under the editorial workflow: drafts and versions, the
 * workflowStatus/reviewComment fields, publish rights for moderators and admins only, public
 * reads of published documents only, version history for staff. Deleting stays admin-only.
 */
export const withEditorialWorkflow = (config: CollectionConfig, versions: Versions = { drafts: true, maxPerDoc: 50 }): CollectionConfig => ({
  ...config,
  versions,
  access: {
    read: staffOrPublished,
    readVersions: staffReadsVersions,
    create: createEntries,
    update: updateEntries,
    delete: isAdmin,
    ...config.access,
  },
  hooks: {
    ...config.hooks,
    beforeOperation: [keepPublicOnPublished, routeWorkflowWrites, ...(config.hooks?.beforeOperation ?? [])],
    beforeChange: [enforceWorkflow, ...(config.hooks?.beforeChange ?? [])],
  },
  fields: [...config.fields, ...workflowFields],
})
