import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { canApprove } from '../roles'
import { APPROVER_STATES, type WorkflowState } from '../states'
import { WorkflowForbidden } from '../WorkflowForbidden'

/**
 * The editorial workflow, on every write path (REST, GraphQL, Local API, admin, version restore):
 * draft -> in_review -> published, or -> changes_requested (with a `reviewComment`) -> in_review.
 * Editors move work between draft and in_review; moderators and admins publish or send it back.
 * `workflowStatus` is then kept in step with Payload's `_status`.
 */
export const enforceWorkflow: CollectionBeforeChangeHook = ({ collection, context, data, originalDoc, req }) => {
  const previous = (originalDoc?.workflowStatus as WorkflowState | undefined) ?? 'draft'
  let next = (data.workflowStatus as WorkflowState | undefined) ?? previous
  // A restore by an editor is saved as a draft (routeWorkflowWrites made sure of it).
  const restoringAsEditor = Boolean(context.isRestoringVersion) && req.user && !canApprove(req.user)
  if (restoringAsEditor) data._status = 'draft'
  const publishing = data._status === 'published'

  if (req.user && !context.skipWorkflow && !canApprove(req.user)) {
    if (publishing) throw new WorkflowForbidden('_status', 'Only a moderator or an admin can publish.')
    if (next !== previous && APPROVER_STATES.includes(next)) {
      throw new WorkflowForbidden('workflowStatus', `Only a moderator or an admin can move a document to "${next}".`)
    }
  }
  if (next === 'changes_requested' && previous !== 'changes_requested') {
    const comment = data.reviewComment
    if (typeof comment !== 'string' || !comment.trim()) {
      throw new ValidationError(
        { collection: collection.slug, errors: [{ path: 'reviewComment', message: 'Say what to change when sending work back.' }] },
        req.t,
      )
    }
  }
  if (publishing) next = 'published'
  // A new draft of published work (or an unpublished document) is a draft again.
  else if (next === 'published' || restoringAsEditor) next = 'draft'
  return { ...data, workflowStatus: next }
}
