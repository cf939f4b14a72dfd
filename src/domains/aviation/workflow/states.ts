export const WORKFLOW_STATES = ['draft', 'in_review', 'changes_requested', 'published'] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]

/** States only a moderator or an admin may move a document into. */
export const APPROVER_STATES: readonly WorkflowState[] = ['changes_requested', 'published']

export const workflowStateOptions = [
  { value: 'draft', label: 'Draft' },
  { value: 'in_review', label: 'In review' },
  { value: 'changes_requested', label: 'Changes requested' },
  { value: 'published', label: 'Published' },
]
