import type { Field } from 'payload'

import { workflowStateOptions } from './states'

/** Where a document stands in review; enforceWorkflow decides who may move it. */
export const workflowFields: Field[] = [
  {
    name: 'workflowStatus',
    type: 'select',
    options: workflowStateOptions,
    defaultValue: 'draft',
    required: true,
    index: true,
    admin: {
      position: 'sidebar',
      description: 'Editors submit for review; a moderator publishes or requests changes.',
    },
  },
  {
    name: 'reviewComment',
    type: 'textarea',
    maxLength: 4000,
    admin: { position: 'sidebar', description: 'Required when a moderator requests changes.' },
  },
]
