import type { CollectionBeforeOperationHook } from 'payload'

import { canApprove, isDraftOnlyWriter } from '../roles'
import { WorkflowForbidden } from '../WorkflowForbidden'

type WriteArgs = { data?: Record<string, unknown>; draft?: boolean }

/**
 * Decides whether a write touches the published document or only its drafts (the versions table):
 * - an editor's writes are always draft saves, so they never change what the public reads;
 * - an approver setting `workflowStatus: 'published'` publishes (same as `_status: 'published'`);
 * - submitting for review or sending back is about the draft: it never touches the public document.
 * Set `req.context.skipWorkflow` for server-side writes (seeds, imports) that follow no workflow.
 */
export const routeWorkflowWrites: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (req.context.skipWorkflow || !req.user) return args
  if (operation === 'restoreVersion') {
    if (isDraftOnlyWriter(req.user) && !(args as WriteArgs).draft) {
      throw new WorkflowForbidden('_status', 'Editors restore versions as drafts only; a moderator publishes them.')
    }
    return args
  }
  if (operation !== 'create' && operation !== 'update') return args
  const { data = {}, draft } = args as WriteArgs
  if (isDraftOnlyWriter(req.user)) {
    // Refused here: once the write is a draft save, Payload would quietly store `published` as `draft`.
    if (data._status === 'published') throw new WorkflowForbidden('_status', 'Only a moderator or an admin can publish.')
    return { ...args, draft: true }
  }
  if (!canApprove(req.user)) return args
  if (data.workflowStatus === 'published') return { ...args, data: { ...data, _status: 'published' }, draft: false }
  if ((data.workflowStatus === 'in_review' || data.workflowStatus === 'changes_requested') && data._status === undefined) {
    return { ...args, draft: true }
  }
  return { ...args, draft }
}
