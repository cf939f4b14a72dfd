import type { JobsConfig } from 'payload'

import { canApprove } from './roles'

/**
 * Scheduled publishing (articles) queues Payload jobs. They run in the app process once a minute,
 * as the user who scheduled them (so an editor's schedule cannot publish: the job is refused like
 * the editor would be). Through the API only approvers queue, run or cancel jobs: the admin shows
 * editors no Publish (hence no schedule) button anyway.
 */
export const scheduledPublishingJobs: JobsConfig = {
  access: {
    queue: ({ req }) => canApprove(req.user),
    run: ({ req }) => canApprove(req.user),
    cancel: ({ req }) => canApprove(req.user),
  },
  autoRun: [{ cron: '* * * * *', queue: 'default', limit: 10 }],
}
