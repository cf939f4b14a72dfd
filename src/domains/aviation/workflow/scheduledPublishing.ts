import type { JobsConfig } from 'payload'

import { payloadPools } from '@/platform/database/payloadPools'
import { createSingleInstanceRunner } from '@/platform/jobs'
import { canApprove } from './roles'

const runner = createSingleInstanceRunner()

/**
 * Scheduled publishing (articles) queues Payload jobs. They run in the app process once a minute,
 * as the user who scheduled them (so an editor's schedule cannot publish: the job is refused like
 * the editor would be). Through the API only approvers queue, run or cancel jobs: the admin shows
 * editors no Publish (hence no schedule) button anyway. With several instances, only the one holding
 * the job-runner lock runs them (see createSingleInstanceRunner).
 */
export const scheduledPublishingJobs: JobsConfig = {
  access: {
    queue: ({ req }) => canApprove(req.user),
    run: ({ req }) => canApprove(req.user),
    cancel: ({ req }) => canApprove(req.user),
  },
  autoRun: [{ cron: '* * * * *', queue: 'default', limit: 10 }],
  shouldAutoRun: (payload) => {
    const connectionString = payloadPools(payload)[0]?.pool.options.connectionString
    return connectionString ? runner.shouldRun(connectionString) : false
  },
}
