import { Forbidden } from 'payload'

/**
 * A 403 that says which field the caller may not set (`_status`, `workflowStatus`), in the same
 * `data.errors[{ path, message }]` shape as a validation error. A `Forbidden` for Local API callers.
 */
export class WorkflowForbidden extends Forbidden {
  constructor(path: string, message: string) {
    super()
    this.name = 'Forbidden'
    this.message = message
    this.data = { errors: [{ path, message }] }
  }
}
