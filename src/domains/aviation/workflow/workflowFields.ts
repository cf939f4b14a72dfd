import type { Field, SelectField } from 'payload'

import { canApprove } from './roles'
import { workflowStateOptions } from './states'

/** The admin offers editors only the moves they may make (the current state stays listed). */
const movesOfUser: SelectField['filterOptions'] = ({ options, req, siblingData }) => {
  if (!req.user || canApprove(req.user)) return options
  const current = (siblingData as { workflowStatus?: unknown } | undefined)?.workflowStatus
  return options.filter((option) => {
    const value = typeof option === 'string' ? option : option.value
    return value === 'draft' || value === 'in_review' || value === current
  })
}

/** Where a document stands in review; enforceWorkflow decides who may move it. */
export const workflowFields: Field[] = [
  {
    name: 'workflowStatus',
    type: 'select',
    options: workflowStateOptions,
    defaultValue: 'draft',
    required: true,
    index: true,
    filterOptions: movesOfUser,
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
