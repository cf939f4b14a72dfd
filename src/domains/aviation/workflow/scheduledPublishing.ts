import type { JobsConfig } from 'payload'

import { canApprove, isStaffUser } from './roles'

/**
 * Scheduled publishing (articles) queues Payload jobs. They run in the app process once a minute,
 * as the user who scheduled them (so an editor's schedule cannot publish: the job is refused like
 * the editor would be). Staff queue; only approvers run or cancel jobs through the API.
 */
export const scheduledPublishingJobs: JobsConfig = {
  access: {
    queue: ({ req }) => isStaffUser(req.user),
    run: ({ req }) => canApprove(req.user),
    cancel: ({ req }) => canApprove(req.user),
  },
  autoRun: [{ cron: '* * * * *', queue: 'default', limit: 10 }],
}
